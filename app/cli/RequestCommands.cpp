#include "Commands.h"
#include "services/RequestIntake.h"
#include "services/Session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace workbench::cli {

namespace {

// The context of this file's messages.
struct RequestCommand
{
    Q_DECLARE_TR_FUNCTIONS(RequestCommand)
};

QString notOneOf(const char* option, const QString& value, const QStringList& known)
{
    return RequestCommand::tr("--%1 '%2' is not one of: %3")
        .arg(QLatin1String(option), value, known.join(QStringLiteral(", ")));
}

template <typename E>
std::optional<E> enumOption(const QCommandLineParser& p, const char* option, QString* error)
{
    const QString text = p.value(QLatin1String(option));
    auto value = fromWire<E>(text);
    if (!value)
        *error = notOneOf(option, text, wireNames<E>());
    return value;
}

QJsonValue jsonDate(const std::optional<QDate>& d)
{
    return d && d->isValid() ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue();
}

int runRequestAdd(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    for (const char* required : {"org", "type", "jurisdiction", "received", "email"}) {
        if (p.value(QLatin1String(required)).isEmpty())
            return usageError(
                err, RequestCommand::tr("request add needs --%1").arg(QLatin1String(required)));
    }
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(
            err, notOneOf("format", format, {QStringLiteral("text"), QStringLiteral("json")}));
    QString error;
    RequestIntakeInput in;
    in.organizationId = p.value(QStringLiteral("org"));
    const auto type = enumOption<RequestType>(p, "type", &error);
    const auto jurisdiction = enumOption<Jurisdiction>(p, "jurisdiction", &error);
    const auto channel = p.isSet(QStringLiteral("channel"))
                             ? enumOption<RequestChannel>(p, "channel", &error)
                             : std::optional(RequestChannel::Email);
    if (!type || !jurisdiction || !channel)
        return usageError(err, error);
    in.type = *type;
    in.jurisdiction = *jurisdiction;
    in.channel = *channel;

    // A date and time with its offset: the day a deadline counts from
    // depends on it.
    const QString received = p.value(QStringLiteral("received"));
    static const QRegularExpression withOffset(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$)"));
    in.receivedAt = QDateTime::fromString(received, Qt::ISODateWithMs);
    if (!withOffset.match(received).hasMatch() || !in.receivedAt.isValid())
        return usageError(err, RequestCommand::tr("--received '%1' is not a date and time with "
                                                  "its UTC offset (YYYY-MM-DDThh:mm[:ss]Z or "
                                                  "+hh:mm)")
                                   .arg(received));
    in.email = p.value(QStringLiteral("email"));
    in.requesterName = p.value(QStringLiteral("name"));
    in.accountId = p.value(QStringLiteral("account"));
    in.words = p.value(QStringLiteral("words"));

    auto ws = openWorkspace(p.value(QStringLiteral("workspace")));
    if (!ws) {
        err << "privacy-workbench request add: " << ws.error() << '\n';
        return Problem;
    }
    RequestIntake intake(*ws.value());
    if (auto ok = intake.validate(in); !ok) {
        err << "privacy-workbench request add: " << ok.error() << '\n';
        return Problem;
    }
    auto duplicates = intake.possibleDuplicates(in);
    if (!duplicates) {
        err << "privacy-workbench request add: " << duplicates.error() << '\n';
        return Problem;
    }
    auto created = intake.create(in);
    if (!created) {
        err << "privacy-workbench request add: " << created.error() << '\n';
        return Problem;
    }
    const RightsRequest& q = created->request;
    const Deadlines& d = created->deadlines;
    QStringList duplicateIds;
    for (const RightsRequest& other : duplicates.value())
        duplicateIds << other.id;

    if (format == u"json") {
        const QJsonObject o{
            {QStringLiteral("id"), q.id},
            {QStringLiteral("type"), toWire(q.type)},
            {QStringLiteral("jurisdiction"), toWire(q.jurisdiction)},
            {QStringLiteral("received"), q.receivedAt.toString(Qt::ISODate)},
            {QStringLiteral("due_legal"), jsonDate(d.responseDue)},
            {QStringLiteral("due_promise"), jsonDate(d.promiseDue)},
            {QStringLiteral("due_effective"), jsonDate(d.effectiveDue())},
            {QStringLiteral("possible_duplicates"), QJsonArray::fromStringList(duplicateIds)}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Success;
    }
    const auto date = [](const std::optional<QDate>& v) {
        return v && v->isValid() ? v->toString(Qt::ISODate) : QStringLiteral("-");
    };
    out << "id:            " << q.id << '\n'
        << "type:          " << toWire(q.type) << '\n'
        << "jurisdiction:  " << toWire(q.jurisdiction) << '\n'
        << "received:      " << q.receivedAt.toString(Qt::ISODate) << '\n'
        << "due_legal:     " << date(d.responseDue) << '\n'
        << "due_promise:   " << date(d.promiseDue) << '\n'
        << "due_effective: " << date(d.effectiveDue()) << '\n';
    if (!duplicateIds.isEmpty())
        err << RequestCommand::tr("privacy-workbench request add: possible duplicates (same "
                                  "e-mail address): %1")
                   .arg(duplicateIds.join(QStringLiteral(", ")))
            << '\n';
    return Success;
}

} // namespace

int runRequest(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QStringList words = p.positionalArguments();
    if (words.isEmpty())
        return usageError(err, RequestCommand::tr("request needs an action: add"));
    if (words.first() == u"add")
        return runRequestAdd(p, out, err);
    return usageError(
        err, RequestCommand::tr("request: unknown action '%1' (known: add)").arg(words.first()));
}

} // namespace workbench::cli
