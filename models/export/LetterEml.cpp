// The .eml of a letter, written with GMime 3. GLib's headers name struct
// members "signals", which Qt defines as a keyword: GMime comes first.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include "LetterWriter.h"

#include <QCoreApplication>
#include <mutex>

namespace workbench {

Result<QByteArray> renderLetterEml(const LetterDocument& letter);

namespace {

struct LetterEml
{
    Q_DECLARE_TR_FUNCTIONS(LetterEml)
};

// GObject's casts are C casts in macros: these are the same upcasts, typed.
GMimeObject* asObject(void* p)
{
    return reinterpret_cast<GMimeObject*>(p);
}

// Unrefs a GObject when it goes out of scope.
struct Unref
{
    gpointer object;
    ~Unref()
    {
        if (object)
            g_object_unref(object);
    }
};

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QByteArray utf8(const QString& s)
{
    return s.toUtf8();
}

} // namespace

Result<QByteArray> renderLetterEml(const LetterDocument& letter)
{
    if (!isMailAddress(letter.toAddress))
        return Error{letter.toAddress.isEmpty()
                         ? LetterEml::tr("An .eml needs the recipient's e-mail address, and "
                                         "there is none.")
                         : LetterEml::tr("\"%1\" is not an e-mail address.").arg(letter.toAddress)};
    initGMime();
    GMimeMessage* message = g_mime_message_new(TRUE);
    const Unref messageRef{message};
    GMimeObject* object = asObject(message);

    if (isMailAddress(letter.fromAddress))
        g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_FROM,
                                   utf8(letter.fromName).constData(),
                                   utf8(letter.fromAddress.trimmed()).constData());
    g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, utf8(letter.toName).constData(),
                               utf8(letter.toAddress.trimmed()).constData());
    g_mime_message_set_subject(message, utf8(letter.subject).constData(), "utf-8");

    const QDateTime when = letter.date.isValid() ? letter.date : QDateTime::currentDateTime();
    GTimeZone* zone = g_time_zone_new_offset(when.offsetFromUtc());
    GDateTime* utc = g_date_time_new_from_unix_utc(when.toSecsSinceEpoch());
    GDateTime* local = g_date_time_to_timezone(utc, zone);
    g_mime_message_set_date(message, local);
    g_date_time_unref(local);
    g_date_time_unref(utc);
    g_time_zone_unref(zone);

    const QString from = letter.fromAddress.trimmed();
    const QByteArray domain =
        isMailAddress(from) ? utf8(from.section(u'@', 1)) : QByteArray("privacy-workbench.invalid");
    char* id = g_mime_utils_generate_message_id(domain.constData());
    g_mime_message_set_message_id(message, id);
    g_free(id);
    g_mime_object_set_header(object, "MIME-Version", "1.0", nullptr);
    // Mail clients (Outlook, Thunderbird) open a message so marked as a
    // draft to send, not as one received.
    g_mime_object_set_header(object, "X-Unsent", "1", nullptr);
    if (!letter.language.isEmpty())
        g_mime_object_set_header(object, "Content-Language", utf8(letter.language).constData(),
                                 nullptr);

    GMimeTextPart* text = g_mime_text_part_new_with_subtype("plain");
    const Unref textRef{text};
    QString body = letter.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (!body.endsWith(u'\n'))
        body += u'\n';
    const QByteArray bytes = utf8(body);
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(bytes.constData(), gsize(bytes.size()));
    const Unref streamRef{stream};
    GMimeDataWrapper* content =
        g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
    const Unref contentRef{content};
    GMimePart* part = reinterpret_cast<GMimePart*>(text);
    g_mime_part_set_content(part, content);
    g_mime_object_set_content_type_parameter(asObject(text), "charset", "utf-8");
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    g_mime_message_set_mime_part(message, asObject(text));

    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    GMimeStream* out = g_mime_stream_mem_new();
    const Unref outRef{out};
    const ssize_t written = g_mime_object_write_to_stream(object, options, out);
    g_mime_format_options_free(options);
    if (written <= 0)
        return Error{LetterEml::tr("The message could not be written.")};
    GByteArray* array = g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem*>(out));
    return QByteArray(reinterpret_cast<const char*>(array->data), qsizetype(array->len));
}

} // namespace workbench
