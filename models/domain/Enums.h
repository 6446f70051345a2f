#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace workbench {

// One value of a closed vocabulary: the enum, its name on the wire (the sync
// contract, the database, the CLI) and the label the officer reads.
template <typename E> struct EnumEntry
{
    E value;
    const char* wire;
    const char* label;
};

// Specialised once per enum below with a static `entries` array.
template <typename E> struct EnumTraits;

template <typename E> QString toWire(E value)
{
    for (const auto& e : EnumTraits<E>::entries) {
        if (e.value == value)
            return QString::fromLatin1(e.wire);
    }
    return {};
}

template <typename E> std::optional<E> fromWire(QStringView wire)
{
    for (const auto& e : EnumTraits<E>::entries) {
        if (wire == QLatin1String(e.wire))
            return e.value;
    }
    return std::nullopt;
}

template <typename E> QString displayLabel(E value)
{
    for (const auto& e : EnumTraits<E>::entries) {
        if (e.value == value)
            return QCoreApplication::translate("Vocabulary", e.label);
    }
    return {};
}

template <typename E> QStringList wireNames()
{
    QStringList names;
    for (const auto& e : EnumTraits<E>::entries)
        names << QString::fromLatin1(e.wire);
    return names;
}

#define WORKBENCH_ENUM_TRAITS(Type, N)                                                             \
    template <> struct EnumTraits<Type>                                                            \
    {                                                                                              \
        static const std::array<EnumEntry<Type>, N> entries;                                       \
    }

enum class ProcessorStatus
{
    Onboarding,
    Active,
    Offboarded
};
WORKBENCH_ENUM_TRAITS(ProcessorStatus, 3);

enum class TransferMechanism
{
    None,
    Adequacy,
    Scc,
    Dpf,
    Bcr,
    Derogation
};
WORKBENCH_ENUM_TRAITS(TransferMechanism, 6);

enum class DpaStatus
{
    None,
    Requested,
    Signed,
    Expired
};
WORKBENCH_ENUM_TRAITS(DpaStatus, 4);

enum class RetentionTrigger
{
    Collection,
    AccountDeletion,
    AccountLifetime,
    Transaction,
    JobCompletion,
    ContractEnd
};
WORKBENCH_ENUM_TRAITS(RetentionTrigger, 6);

enum class RetentionAction
{
    Delete,
    Anonymize,
    Aggregate
};
WORKBENCH_ENUM_TRAITS(RetentionAction, 3);

enum class RequestType
{
    Access,
    Rectification,
    Erasure,
    Portability,
    Restriction,
    Objection,
    OptOutSale
};
WORKBENCH_ENUM_TRAITS(RequestType, 7);

enum class Jurisdiction
{
    Gdpr,
    UkGdpr,
    Ccpa,
    Lgpd,
    Pipeda,
    VcdpaCpa,
    Other
};
WORKBENCH_ENUM_TRAITS(Jurisdiction, 7);

enum class RequestStatus
{
    New,
    Verifying,
    InProgress,
    WaitingOnProcessor,
    Fulfilled,
    Rejected,
    Withdrawn
};
WORKBENCH_ENUM_TRAITS(RequestStatus, 7);

enum class RequestChannel
{
    Email,
    InApp,
    WebForm,
    Post
};
WORKBENCH_ENUM_TRAITS(RequestChannel, 4);

enum class PolicyStatus
{
    Draft,
    Published,
    Superseded
};
WORKBENCH_ENUM_TRAITS(PolicyStatus, 3);

// The lawful basis of a processing activity: GDPR Art. 6(1)(a)-(f).
enum class LegalBasis
{
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests
};
WORKBENCH_ENUM_TRAITS(LegalBasis, 6);

// The condition that lifts the ban on special categories of data: GDPR
// Art. 9(2)(a)-(j).
enum class SpecialCategoryCondition
{
    ExplicitConsent,
    EmploymentSocialSecurity,
    VitalInterests,
    NotForProfitBody,
    MadePublic,
    LegalClaims,
    SubstantialPublicInterest,
    HealthOrSocialCare,
    PublicHealth,
    ArchivingResearchStatistics
};
WORKBENCH_ENUM_TRAITS(SpecialCategoryCondition, 10);

// Where a data protection impact assessment (Art. 35) stands.
enum class DpiaStatus
{
    NotNeeded,
    Required,
    InProgress,
    Done
};
WORKBENCH_ENUM_TRAITS(DpiaStatus, 4);

// The organization's role in a processing activity: controller (Art. 30(1)),
// joint controller (Art. 26) or processor for another controller (Art. 30(2)).
enum class ActivityRole
{
    Controller,
    JointController,
    Processor
};
WORKBENCH_ENUM_TRAITS(ActivityRole, 3);

// Who a recipient that is not a processor of the registry is (Art. 30(1)(d)).
enum class RecipientType
{
    Controller,
    JointController,
    PublicAuthority,
    GroupCompany,
    Processor,
    Other
};
WORKBENCH_ENUM_TRAITS(RecipientType, 6);

#undef WORKBENCH_ENUM_TRAITS

} // namespace workbench
