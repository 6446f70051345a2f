<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Attention</name>
    <message>
        <location filename="../models/domain/Attention.cpp" line="30"/>
        <source>review overdue by %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Attention.cpp" line="32"/>
        <source>review due in %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Attention.cpp" line="52"/>
        <source>DPA expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Attention.cpp" line="54"/>
        <source>DPA requested, not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Attention.cpp" line="55"/>
        <source>no DPA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="125"/>
        <source>%1, line %2: &apos;%3&apos; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IsoDuration</name>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="99"/>
        <source>%n year(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="100"/>
        <source>%n month(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="101"/>
        <source>%n week(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="102"/>
        <source>%n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="103"/>
        <source>%n hour(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="104"/>
        <source>%n minute(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="105"/>
        <source>%n second(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/IsoDuration.cpp" line="107"/>
        <source>no time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegalPeriod</name>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="79"/>
        <source>%n calendar month(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="82"/>
        <source>%n calendar day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="85"/>
        <source>%n business day(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonSchedulePanel</name>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="32"/>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="34"/>
        <source> at the latest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../models/storage/Database.cpp" line="85"/>
        <source>Workspace %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="87"/>
        <source>Workspace %1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="92"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="100"/>
        <source>Workspace %1 is already open in another Privacy Workbench (process %2 on %3). Close it there, or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="104"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="111"/>
        <source>Cannot create workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="114"/>
        <source>Cannot make workspace %1 private to you: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="125"/>
        <source>Cannot open workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="137"/>
        <source>%1 is not a Privacy Workbench workspace, or it is damaged (SQLite says: %2). It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="139"/>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="142"/>
        <source>%1 is an SQLite database but not a Privacy Workbench workspace. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="147"/>
        <source>Workspace %1 was written by a newer Privacy Workbench (schema version %2; this version knows up to %3). Update the app to open it. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="161"/>
        <source>Cannot switch %1 to WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="167"/>
        <source>Cannot update workspace %1 to the current format: %2. Nothing was changed by the failed step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="242"/>
        <source>Cannot start a transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/Database.cpp" line="253"/>
        <source>Cannot save the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/demo/DemoWorkspace.cpp" line="248"/>
        <source>%1 already exists; the demo workspace is only written to a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/demo/DemoWorkspace.cpp" line="364"/>
        <source>Created the demo workspace from the three seed policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="108"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="113"/>
        <source>Export visible rows to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="116"/>
        <source>Export visible rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="116"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="122"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/TableSupport.cpp" line="123"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestActionCommand</name>
    <message>
        <location filename="../models/itemmodels/RequestCommands.cpp" line="29"/>
        <source>Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestCommands.cpp" line="52"/>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDetailPane</name>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="33"/>
        <source>%n day(s) overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="34"/>
        <source>%n day(s) left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="221"/>
        <source>%n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestEvent</name>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="70"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="72"/>
        <source>Identity requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="74"/>
        <source>Identity verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="75"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="76"/>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="77"/>
        <source>Extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="78"/>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="80"/>
        <source>Processor notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="81"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="82"/>
        <source>Status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="83"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="84"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="85"/>
        <source>Redone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="86"/>
        <source>Receipt confirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestService</name>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="412"/>
        <source>%n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveRecordCommand</name>
    <message>
        <location filename="../models/itemmodels/RecordCommands.h" line="33"/>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorCommands.cpp" line="18"/>
        <source>Offboard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorCommands.cpp" line="19"/>
        <source>Edit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="8"/>
        <source>To send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="9"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="10"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="11"/>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench</name>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="298"/>
        <source>%1 allows no extension (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="300"/>
        <source>The extension was already taken; it is allowed once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="303"/>
        <source>Too late to extend: the original period ended on %1, and %2 allows an extension only while it runs (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Deadlines.cpp" line="307"/>
        <source>The extension cannot be dated before the request was received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="19"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="21"/>
        <source>Anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="23"/>
        <source>Aggregate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="35"/>
        <source>while the account is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="36"/>
        <source>no period stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="56"/>
        <source>kept while the account was active; ends with the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="58"/>
        <source>%1 after the account ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="63"/>
        <location filename="../models/domain/Retention.cpp" line="70"/>
        <location filename="../models/domain/Retention.cpp" line="79"/>
        <source>no period stated: when is not known (a gap to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="66"/>
        <source>%1 after the account deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="74"/>
        <source>%1 after the last collection, at the account deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="85"/>
        <source>%1 after the last transaction (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="88"/>
        <source>%1 after the last transaction, taken as the deletion date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="94"/>
        <source>%1 after each job completes (not tied to the account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="96"/>
        <source>after each job completes; no period stated (a gap to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="102"/>
        <source> — exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="128"/>
        <source>%1 holds personal data but no retention rule names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="137"/>
        <source>The rule for %1 points to %2, which is offboarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Retention.cpp" line="142"/>
        <source>%1 has no period and is not kept for the account&apos;s lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="33"/>
        <source>There is no deadline rule for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RecordTables.cpp" line="32"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RecordTables.cpp" line="36"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RecordTables.cpp" line="40"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RecordTables.cpp" line="44"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RecordTables.cpp" line="48"/>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::Application</name>
    <message>
        <location filename="../app/Application.cpp" line="75"/>
        <source>Cannot open the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/Application.cpp" line="83"/>
        <source>privacy-workbench: unknown organization &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/Application.cpp" line="90"/>
        <source>privacy-workbench: unknown page &apos;%1&apos;

%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::AuditLogModel</name>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="118"/>
        <source>SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="132"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="134"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="136"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="138"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="140"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/AuditLogModel.cpp" line="142"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::AuditPage</name>
    <message>
        <location filename="../ui/audit/AuditPage.h" line="25"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="65"/>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="70"/>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="74"/>
        <location filename="../ui/audit/AuditPage.cpp" line="75"/>
        <source>any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="78"/>
        <source>Filter by record, person or change (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="79"/>
        <source>No changes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="87"/>
        <source>Select an entry to see what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="93"/>
        <source>Record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="95"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="97"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="107"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="143"/>
        <source>✔ Hash chain intact: %1 verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="145"/>
        <source>%n change(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="149"/>
        <source>✘ Hash chain broken at entry #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="174"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="174"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="174"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::DeadlineRulesDialog</name>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="59"/>
        <source>Deadline rules and holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="64"/>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="64"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="64"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="64"/>
        <source>Clock starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="64"/>
        <source>Pause allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="65"/>
        <source>Extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="65"/>
        <source>Extension unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="65"/>
        <source>Roll to working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="65"/>
        <source>Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="71"/>
        <source>One date per line, YYYY-MM-DD, then its name:
2026-12-25 Christmas Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="79"/>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="87"/>
        <source>Restore shipped rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="88"/>
        <source>Replace every edited rule with the rule the app ships?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="98"/>
        <source>The app ships these defaults; it does not pretend to be a lawyer. A changed rule moves the due dates of every request under it, and is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="103"/>
        <source>Holidays of %1 (deadlines that roll over skip them; so do business days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="172"/>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/DeadlineRulesDialog.cpp" line="185"/>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="45"/>
        <source>Privacy Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="80"/>
        <source>Processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="83"/>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="86"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="89"/>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="91"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="105"/>
        <source>The workspace file (private to you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="108"/>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="170"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="171"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="174"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="175"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="178"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="185"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="191"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="192"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="193"/>
        <source>About Privacy Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="194"/>
        <source>Privacy Workbench %1
The daily desk of a privacy officer: processors, retention, rights requests and policies, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="200"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="203"/>
        <source>Organization: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="207"/>
        <source>The organization whose records the pages show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="220"/>
        <source>Cannot read the organizations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::PersonSchedulePanel</name>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="49"/>
        <source>Last transaction on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="56"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="58"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="63"/>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="198"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="63"/>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="198"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="63"/>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="198"/>
        <source>How the date follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="70"/>
        <source>Account deleted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="83"/>
        <source>After the account deletion: each bar ends when that step happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="99"/>
        <source>Export the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="105"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="108"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="111"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="181"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="193"/>
        <source>What happens to one person&apos;s data — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="195"/>
        <source>Account deleted on %1. Built from the organization&apos;s retention rules on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="210"/>
        <source>Retention schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/PersonSchedulePanel.cpp" line="216"/>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::PoliciesPage</name>
    <message>
        <location filename="../ui/policies/PoliciesPage.cpp" line="11"/>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/policies/PoliciesPage.cpp" line="11"/>
        <source>Policy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/policies/PoliciesPage.cpp" line="12"/>
        <source>Filter versions (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/policies/PoliciesPage.cpp" line="13"/>
        <source>No policy versions for this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/policies/PoliciesPage.cpp" line="19"/>
        <source>Select a version to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::ProcessorDetailPane</name>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="54"/>
        <source>Select a processor to see and edit its contract,
or add one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="72"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="74"/>
        <source>A&amp;liases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="74"/>
        <source>other names policies use, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="75"/>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="75"/>
        <source>what it does for the organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="76"/>
        <source>Legal &amp;entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="81"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="83"/>
        <source>&amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="83"/>
        <source>privacy / DPO contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="84"/>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="85"/>
        <source>&amp;Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="85"/>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="86"/>
        <source>&amp;Data categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="87"/>
        <source>e.g. user.contact.email, user.financial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="89"/>
        <source>Data su&amp;bjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="89"/>
        <source>e.g. customer, employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="90"/>
        <source>C&amp;ountries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="90"/>
        <source>ISO codes, e.g. IE, US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="95"/>
        <source>&amp;Transfer mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="99"/>
        <source>D&amp;PA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="100"/>
        <source>DPA signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="100"/>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="111"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="101"/>
        <source>DPA link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="103"/>
        <source>Certi&amp;fications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="103"/>
        <source>e.g. SOC 2 Type II, ISO 27001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="107"/>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="110"/>
        <source>Sub-processor &amp;of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="111"/>
        <source>Next &amp;review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="115"/>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="126"/>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="128"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="131"/>
        <source>Save the changes (Ctrl+S); undo with Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="181"/>
        <source>— none (direct processor) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="276"/>
        <source>Used by: choose at least one organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorDetailPane.cpp" line="293"/>
        <source>Cannot apply yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::ProcessorTreeModel</name>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="178"/>
        <source>Also known as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="180"/>
        <source>Vendor review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="207"/>
        <source>Signed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="229"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="231"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="233"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="235"/>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="237"/>
        <source>Transfer mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="239"/>
        <source>DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="241"/>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/ProcessorTreeModel.cpp" line="243"/>
        <source>Data categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::ProcessorsPage</name>
    <message>
        <location filename="../ui/processors/ProcessorsPage.h" line="27"/>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="78"/>
        <source>Processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="41"/>
        <source>Filter by name, alias, service, country or data category (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="43"/>
        <source>&amp;Add processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="45"/>
        <source>Add a processor to this organization (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="46"/>
        <source>&amp;Offboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="48"/>
        <source>Mark the selected processor as no longer used; its history stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="111"/>
        <source>Cannot read the processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="164"/>
        <source>Saved %1. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="173"/>
        <source>New processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="174"/>
        <source>Describe the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="178"/>
        <source>Add processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="189"/>
        <source>Offboard processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/processors/ProcessorsPage.cpp" line="190"/>
        <source>Offboard %1? It stays in the registry and the audit log, marked as no longer used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestCharts</name>
    <message>
        <location filename="../ui/charts/RequestCharts.cpp" line="53"/>
        <source>Open requests by days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RequestCharts.cpp" line="54"/>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RequestCharts.cpp" line="79"/>
        <source>days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RequestCharts.cpp" line="89"/>
        <source>Closed on time, by month (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RequestCharts.cpp" line="90"/>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestDetailPane</name>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="48"/>
        <source>Select a request in the queue to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="76"/>
        <source>&amp;Verify identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="77"/>
        <source>Record that the requester&apos;s identity is verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="80"/>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="226"/>
        <source>&amp;Pause clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="81"/>
        <source>Stop the clock while waiting on the requester (where the law allows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="85"/>
        <source>E&amp;xtend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="86"/>
        <source>Take the statutory extension, with its reason and the date the requester was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="88"/>
        <source>Assi&amp;gn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="88"/>
        <source>Who works on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="90"/>
        <source>&amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="90"/>
        <source>Add a note to the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="92"/>
        <source>Confirm &amp;receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="93"/>
        <source>Record that receipt was confirmed to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="95"/>
        <source>S&amp;tatus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="95"/>
        <source>Move the request along its workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="97"/>
        <source>&amp;Close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="98"/>
        <source>Close as fulfilled, rejected or withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="101"/>
        <source>Processor tasks (GDPR Art. 19)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="105"/>
        <source>Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="105"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="105"/>
        <source>Reason / when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="112"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="113"/>
        <source>One task per active processor holding this organization&apos;s personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="116"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="116"/>
        <source>The processor was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="118"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="119"/>
        <source>The processor confirmed it acted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="121"/>
        <source>Not needed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="122"/>
        <source>This processor need not be told, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="127"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="131"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="131"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="131"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="131"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="176"/>
        <source>%1 &lt;%2&gt; · %3
Received %4 via %5 · %6 · assigned to %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="177"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="181"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="186"/>
        <source>&lt;b&gt;Legal due: %1&lt;/b&gt; (%2)%3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="189"/>
        <source>, extended from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="194"/>
        <source>Our promise: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="200"/>
        <source>Receipt confirmed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="201"/>
        <source>Confirm receipt by %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="204"/>
        <source>Extended (%1); requester told on %2. Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="209"/>
        <source>Extension: +%1, once; tell the requester by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="213"/>
        <source>No extension under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="215"/>
        <source>&lt;b&gt;Clock paused&lt;/b&gt; since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="217"/>
        <source>Verification and questions do not stop the clock under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="219"/>
        <source>The clock stood still for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="226"/>
        <source>&amp;Resume clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="262"/>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="324"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="274"/>
        <source>Verify identity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="280"/>
        <source>Resume the clock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="283"/>
        <source>Pause the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="284"/>
        <source>What are you waiting for from the requester?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="285"/>
        <source>Proof of identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="287"/>
        <source>Pause the clock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="294"/>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="299"/>
        <source>Extend the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="295"/>
        <source>Why is more time needed? (the requester is told)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="300"/>
        <source>When was (or is) the requester told?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="303"/>
        <source>Extend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="310"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="310"/>
        <source>Who works on %1? (empty: nobody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="313"/>
        <source>Assign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="318"/>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="319"/>
        <source>Note for the history of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="330"/>
        <source>Confirm receipt of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="346"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="347"/>
        <source>From %1 the request can only be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="352"/>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="352"/>
        <source>Move %1 to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="356"/>
        <source>Set %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="370"/>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="374"/>
        <source>Close the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="370"/>
        <source>Outcome of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="375"/>
        <source>What was done, or why not:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="384"/>
        <source>Open processor tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="385"/>
        <source>%1 processor task(s) are still open. Record why the request is fulfilled anyway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="392"/>
        <source>Close %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="399"/>
        <source>Create processor tasks for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="407"/>
        <source>Mark a task of %1 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="415"/>
        <source>Mark a task of %1 confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="425"/>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="425"/>
        <source>Why need this processor not be told?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestDetailPane.cpp" line="427"/>
        <source>Mark a task of %1 not needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestQueueModel</name>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="515"/>
        <source>%1 (extended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="521"/>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="535"/>
        <source>Due %1 (the earlier of the legal date and the organization&apos;s promise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="573"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="575"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="577"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="579"/>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="581"/>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="583"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="585"/>
        <source>Due (legal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="587"/>
        <source>Due (our promise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="589"/>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="591"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RequestQueueModel.cpp" line="593"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestService</name>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="90"/>
        <source>Edit the deadline rule of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="99"/>
        <source>Saving the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="110"/>
        <source>Restore the shipped deadline rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="113"/>
        <source>Restoring the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="142"/>
        <source>Edit the holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="148"/>
        <location filename="../models/storage/RequestService.cpp" line="155"/>
        <source>Saving the holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="199"/>
        <source>There is no request %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="209"/>
        <source>Reading request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="220"/>
        <source>Reading the tasks of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="253"/>
        <source>Reading the history of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="284"/>
        <source>Saving request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="297"/>
        <location filename="../models/storage/RequestService.cpp" line="311"/>
        <source>Saving the tasks of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="323"/>
        <source>Writing the history of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="347"/>
        <source>Verify the identity of the requester of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="350"/>
        <source>The identity was already verified on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="353"/>
        <location filename="../models/storage/RequestService.cpp" line="386"/>
        <location filename="../models/storage/RequestService.cpp" line="424"/>
        <source>The request is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="356"/>
        <source>Identity verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="363"/>
        <location filename="../models/storage/RequestService.cpp" line="509"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="373"/>
        <source>Pause the clock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="379"/>
        <source>%1 does not stop the clock (%2): verification and questions run within the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="383"/>
        <source>The clock is already paused since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="391"/>
        <source>Clock paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="400"/>
        <source>Resume the clock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="402"/>
        <source>The clock is not paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="410"/>
        <source>Clock resumed after %1; the due date moves by as much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="420"/>
        <source>Extend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="422"/>
        <source>An extension needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="442"/>
        <source>Extended to %1 (%2); requester told on %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="452"/>
        <source>Assign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="457"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="458"/>
        <source>Assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="466"/>
        <source>Add a note to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="469"/>
        <source>A note needs some text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="477"/>
        <source>Confirm receipt of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="480"/>
        <source>Receipt was already confirmed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="486"/>
        <source>Receipt confirmed to the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="495"/>
        <source>Change the status of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="498"/>
        <source>Close the request with its outcome (Close…), not by changing its status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="510"/>
        <source>Status: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="520"/>
        <source>Close %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="523"/>
        <source>A request closes as fulfilled, rejected or withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="528"/>
        <source>Say why the request is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="534"/>
        <source>%1 processor task(s) are still open: confirm them, mark them not needed, or record why the request is fulfilled anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="541"/>
        <source>Closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="545"/>
        <source> (with %1 open processor task(s): %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="557"/>
        <source>Create the processor tasks of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="561"/>
        <source>Only erasure, rectification and restriction are passed on to processors (GDPR Art. 19).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="585"/>
        <source>Every active processor holding personal data already has a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="589"/>
        <source>Processor tasks created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="599"/>
        <source>Update a processor task of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="604"/>
        <source>That task is not part of request %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="606"/>
        <source>Say why %1 need not be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="608"/>
        <source>Send the request to %1 before marking it confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="615"/>
        <source>%1 notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="616"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="650"/>
        <location filename="../models/storage/RequestService.cpp" line="669"/>
        <source>Reading the requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestService.cpp" line="700"/>
        <source>Saving due dates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestStats</name>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>0–5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>6–10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>11–20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>21–30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/storage/RequestStats.cpp" line="29"/>
        <source>&gt; 30</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestWorkflow</name>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="52"/>
        <source>The request is already %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="57"/>
        <source>A request cannot be fulfilled before work on it has started: verify the requester&apos;s identity and move it to In progress first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="60"/>
        <source>Only a request in progress can wait on a processor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="62"/>
        <source>A closed request can only be reopened (to In progress).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/RequestWorkflow.cpp" line="64"/>
        <source>A request cannot go from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RequestsPage</name>
    <message>
        <location filename="../ui/requests/RequestsPage.h" line="31"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="54"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="55"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="58"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="60"/>
        <source>All jurisdictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="63"/>
        <source>&amp;Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="65"/>
        <source>Due this &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="67"/>
        <source>All organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="71"/>
        <source>Search id, e-mail or name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="83"/>
        <source>Deadline &amp;rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="86"/>
        <source>The deadline rule of each jurisdiction, and this organization&apos;s holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="125"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="130"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="157"/>
        <source>Rights requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="246"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="247"/>
        <source>%L1 request(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="260"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requests/RequestsPage.cpp" line="261"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RetentionPage</name>
    <message>
        <location filename="../ui/retention/RetentionPage.h" line="29"/>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="44"/>
        <source>Filter rules by category, system, processor, period or basis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="46"/>
        <source>&amp;Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="48"/>
        <source>&amp;Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="77"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="78"/>
        <source>One person after deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="79"/>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="98"/>
        <source>Retention rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/retention/RetentionPage.cpp" line="160"/>
        <source>No gaps: every processor holding personal data has a rule, and every rule has a period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RetentionRuleModel</name>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="86"/>
        <source>new data category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="91"/>
        <source>Add a retention rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="101"/>
        <source>Remove the rule for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="107"/>
        <source>No such rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="113"/>
        <source>A rule needs its data category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="122"/>
        <source>&apos;%1&apos; is not a processor of this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="136"/>
        <source>&apos;%1&apos; is not a period: write it as people do, e.g. &quot;90 days&quot;, &quot;7 years&quot;, &quot;72 hours&quot;, or &quot;while the account is active&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="147"/>
        <source>&apos;%1&apos; is not a trigger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="154"/>
        <source>&apos;%1&apos; is not an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="165"/>
        <source>No such column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="185"/>
        <source>Edit the %1 of the rule for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="220"/>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="249"/>
        <source>%1 (ISO 8601: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="286"/>
        <source>Data category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="288"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="290"/>
        <source>Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="292"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="294"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="296"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="298"/>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/itemmodels/RetentionRuleModel.cpp" line="300"/>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::RetentionTimeline</name>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="65"/>
        <source>Retention timeline — bars start at the trigger; red delete, purple anonymize, blue aggregate; dashed: with an exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="75"/>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="75"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="75"/>
        <source>72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="76"/>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="76"/>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="76"/>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="77"/>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="77"/>
        <source>7 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="77"/>
        <source>20 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/RetentionTimeline.cpp" line="121"/>
        <source>
exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::TodayPage</name>
    <message>
        <location filename="../ui/today/TodayPage.h" line="22"/>
        <location filename="../ui/today/TodayPage.cpp" line="35"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="28"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="28"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="28"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="79"/>
        <source>Vendor reviews due in the next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="83"/>
        <source>Processors holding personal data without a signed DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="104"/>
        <location filename="../ui/today/TodayPage.cpp" line="121"/>
        <source>overdue by %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="117"/>
        <source>… and %1 more in the Requests page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="120"/>
        <source>Overdue rights requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="122"/>
        <source>Rights requests due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="123"/>
        <source>due in %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="124"/>
        <source>Receipt to confirm (CCPA, 10 business days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="126"/>
        <source>confirm within %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/today/TodayPage.cpp" line="128"/>
        <source>%1 processors · %2 overdue and %3 due this week · %4 reviews due · %5 DPA gaps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workbench::Workspace</name>
    <message>
        <location filename="../models/storage/Workspace.cpp" line="100"/>
        <source>The workspace is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
