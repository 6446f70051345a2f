#pragma once

#include "Enums.h"
#include "IsoDuration.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace workbench {

// The records of the sync contract (docs/sync-api.md). Each converts to and
// from the contract's JSON; that JSON is also what the audit log stores as
// "before" and "after". Fields a server sends that we do not know are kept
// in `extra` and round-tripped.

// Fields every synced record carries.
struct SyncMeta
{
    qint64 version = 0;
    QDateTime updatedAt;
    QJsonObject extra;

    friend bool operator==(const SyncMeta&, const SyncMeta&) = default;
};

// Someone an Art. 30(1)(a) record names: the controller, its
// representative in the Union (Art. 27), its data protection officer.
struct PartyContact
{
    QString name; // the legal name of the controller
    QString address;
    QString contact; // e-mail, telephone

    bool isEmpty() const { return name.isEmpty() && address.isEmpty() && contact.isEmpty(); }
    friend bool operator==(const PartyContact&, const PartyContact&) = default;
};

// The competent supervisory authority (SCC Annex I.C).
struct SupervisoryAuthority
{
    QString name;
    QString country; // ISO 3166-1 alpha-2

    friend bool operator==(const SupervisoryAuthority&, const SupervisoryAuthority&) = default;
};

struct Organization
{
    QString id;
    QString name;
    QString website;
    QString privacyContact;
    int noticePeriodDays = 0;
    std::optional<int> responseCommitmentDays;
    // Art. 30(1)(a): who the controller is, its representative, its DPO;
    // and which authority oversees it.
    PartyContact controller;
    PartyContact representative;
    PartyContact dpo;
    SupervisoryAuthority authority;
    SyncMeta meta;

    QJsonObject toJson() const;
    static Result<Organization> fromJson(const QJsonObject& json);
    friend bool operator==(const Organization&, const Organization&) = default;
};

struct Processor
{
    QString id;
    QString name;
    QString legalEntity;
    QString address;
    QString contact;
    QString website;
    QString service;
    QStringList purposes;
    QStringList dataCategories;
    QStringList dataSubjects;
    QStringList locations;
    TransferMechanism transferMechanism = TransferMechanism::None;
    DpaStatus dpaStatus = DpaStatus::None;
    QDate dpaSignedOn;
    QString dpaUrl;
    QStringList certifications;
    ProcessorStatus status = ProcessorStatus::Active;
    QString parentId;
    QStringList organizationIds;
    QDate reviewDue;
    QStringList aliases;
    // The technical and organisational measures the processor applies
    // (keys of SecurityMeasures) and what they do not say.
    QStringList securityMeasures;
    QString securityMeasuresNote;
    SyncMeta meta;

    bool holdsPersonalData() const { return !dataCategories.isEmpty(); }
    QJsonObject toJson() const;
    static Result<Processor> fromJson(const QJsonObject& json);
    friend bool operator==(const Processor&, const Processor&) = default;
};

struct RetentionRule
{
    QString id;
    QString organizationId;
    QString dataCategory;
    QString system;
    QString processorId;
    std::optional<IsoDuration> period; // none: while the account is active
    RetentionTrigger trigger = RetentionTrigger::Collection;
    RetentionAction action = RetentionAction::Delete;
    QString legalBasis;
    QString exception;
    SyncMeta meta;

    QJsonObject toJson() const;
    static Result<RetentionRule> fromJson(const QJsonObject& json);
    friend bool operator==(const RetentionRule&, const RetentionRule&) = default;
};

struct RightsRequest
{
    QString id;
    QString organizationId;
    RequestType type = RequestType::Access;
    Jurisdiction jurisdiction = Jurisdiction::Gdpr;
    QString subjectName;
    QString subjectEmail;
    QString accountId;
    RequestChannel channel = RequestChannel::Email;
    QDateTime receivedAt;
    QDateTime verifiedAt;
    RequestStatus status = RequestStatus::New;
    QDate extendedUntil;
    QString extensionReason;
    QString assignee;
    QDateTime closedAt;
    SyncMeta meta;

    bool isOpen() const; // not closed, as RequestWorkflow::isClosed() says
    QJsonObject toJson() const;
    static Result<RightsRequest> fromJson(const QJsonObject& json);
    friend bool operator==(const RightsRequest&, const RightsRequest&) = default;
};

struct PolicyVersion
{
    QString id;
    QString organizationId;
    QString document;
    QString title;
    PolicyStatus status = PolicyStatus::Draft;
    QString body;
    QDate publishedOn;
    QDate effectiveOn;
    SyncMeta meta;

    QJsonObject toJson() const;
    static Result<PolicyVersion> fromJson(const QJsonObject& json);
    friend bool operator==(const PolicyVersion&, const PolicyVersion&) = default;
};

} // namespace workbench
