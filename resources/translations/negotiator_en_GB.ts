<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="58"/>
        <source>The acting party was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="69"/>
        <source>Nobody is chosen to act for, and every change is made in a party&apos;s name. Choose the party you act for first: Negotiation → Act For… (Ctrl+Shift+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="84"/>
        <source>Act For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="85"/>
        <source>You edit, propose and decide for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="103"/>
        <source>The demo could not be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_session.py" line="116"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="112"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="128"/>
        <source>The agreement was not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="272"/>
        <source>The section cannot be re-pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="301"/>
        <source>Rename Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="301"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="346"/>
        <source>Agreement Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/agreement_controller.py" line="346"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="31"/>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="82"/>
        <source>Choose an agreement in the Agreements panel to open it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="38"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="39"/>
        <source>Drafted directly until the first round is issued, then changed only by proposal; frozen once agreed or signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="45"/>
        <source>Agreement outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="46"/>
        <source>The agreement&apos;s numbered sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="52"/>
        <source>Section wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="53"/>
        <source>The section&apos;s wording with the agreed terms filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="59"/>
        <source>&amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreement_view.py" line="97"/>
        <source>&lt;p&gt;This agreement has no sections yet: choose a clause in the library and use Agreement → Add Library Clause.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsPanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/agreements_panel.py" line="55"/>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/agreements_panel.py" line="56"/>
        <source>The contract network: each agreement under the agreement above it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="58"/>
        <source>Backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="62"/>
        <source>Backing up the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="61"/>
        <source>The library was not backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="75"/>
        <source>The backups could not be listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="91"/>
        <source>Restoring the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="104"/>
        <source>The library was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="109"/>
        <source> The library as it was is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="110"/>
        <source>Restored from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/backup_controller.py" line="132"/>
        <source>The library could not be backed up: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClauseMixin</name>
    <message>
        <location filename="../../negotiator/ui/controllers/clause_actions.py" line="26"/>
        <source>The clause could not be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/clause_actions.py" line="45"/>
        <source>The clause was not revised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/clause_actions.py" line="54"/>
        <source>The version was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/clause_actions.py" line="63"/>
        <source>The clause was not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClauseView</name>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="34"/>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="72"/>
        <source>Choose a clause in the library to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="40"/>
        <source>Clause wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="44"/>
        <source>Version history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="45"/>
        <source>Select one version to read it, or two (Ctrl+click) to compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="77"/>
        <source> — retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="101"/>
        <source>Version %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="107"/>
        <source>Comparing version %1 with version %2: deletions struck through, insertions underlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/clause_view.py" line="112"/>
        <source>Select a version in the history below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="15"/>
        <source>Find an Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="19"/>
        <source>Type to find an action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="20"/>
        <source>Action to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="21"/>
        <source>Type words from an action&apos;s name; Enter runs the first match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="23"/>
        <source>Matching actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/command_palette.py" line="24"/>
        <source>Enter runs the selected action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="26"/>
        <source>Left text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="26"/>
        <source>Right text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="28"/>
        <source>A version, a round, a library version or a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="30"/>
        <source>Every &amp;Party Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="31"/>
        <source>The current wording with each party&apos;s open proposal beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="32"/>
        <source>Every party side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_panel.py" line="34"/>
        <source>Select a section in an agreement, then choose what to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="153"/>
        <source>Choose two texts to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="160"/>
        <source>Scroll together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="162"/>
        <source>Scrolling one text scrolls the others to the same place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="206"/>
        <source>%1 (left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="207"/>
        <source>Words that %1 deletes are struck through in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="211"/>
        <source>%1 (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="212"/>
        <source>Words that %1 inserts are underlined in green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="235"/>
        <source>%1 (base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="236"/>
        <source>Words a party deletes are struck through in its colour, or in red if several parties delete them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="242"/>
        <source>%1&apos;s proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="243"/>
        <source>Words %1 inserts are underlined in its colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/compare_view.py" line="247"/>
        <source>%1: %2 inserted, %3 deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftBar</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="57"/>
        <source>Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="57"/>
        <source>R&amp;estore Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="58"/>
        <source>Fill the dialog with the draft you kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="59"/>
        <source>Discard Dra&amp;ft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="59"/>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="60"/>
        <source>Forget the kept draft and start afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="71"/>
        <source>You have a draft of a proposal here, kept at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="38"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="42"/>
        <source>Import Returned Redline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="43"/>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="51"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="50"/>
        <source>The file was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="76"/>
        <source>Import Negotiation Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="77"/>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="115"/>
        <source>Negotiation packages (*.negotiation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="86"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="85"/>
        <source>The package was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="108"/>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="122"/>
        <source>No package was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="113"/>
        <source>Export Negotiation Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="124"/>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/exchange_controller.py" line="137"/>
        <source>The fingerprints cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="51"/>
        <source>Export %1 to Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="53"/>
        <source>Kind of export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="54"/>
        <source>Redline: agreed changes since a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="55"/>
        <source>Redline: agreed changes between two rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="56"/>
        <source>Redline: everything since a round (agreed changes and every party&apos;s open proposals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="58"/>
        <source>Redline: proposals of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="60"/>
        <source>Clean: the agreement as it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="63"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="64"/>
        <source>To round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="70"/>
        <source>The standard template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="71"/>
        <source>Word template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="72"/>
        <source>A .docx whose styles (Normal, Title, Headings) the export uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="73"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="74"/>
        <source>Choose a firm&apos;s own Word template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="78"/>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="79"/>
        <source>Where the .docx is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="80"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="81"/>
        <source>Choose where to save the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="89"/>
        <source>Open &amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="91"/>
        <source>Open the saved document in your word processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="94"/>
        <source>Open &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="95"/>
        <source>Show the folder the document was saved in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="101"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="102"/>
        <source>&amp;Since round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="103"/>
        <source>T&amp;o round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="105"/>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="106"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="123"/>
        <source>A clean copy with no tracked changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="126"/>
        <source>Issue a round first: a redline shows the changes since a round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="138"/>
        <source>No changes since this round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="186"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="191"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="196"/>
        <source>The export was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="204"/>
        <source>Word Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="204"/>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="210"/>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/export_dialog.py" line="209"/>
        <source>Save Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="57"/>
        <source>Find in the agreement and its proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="58"/>
        <source>Find in agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="59"/>
        <source>Enter or F3: next place; Shift+Enter or Shift+F3: previous; Escape: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="62"/>
        <source>Where the words were found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="65"/>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="67"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="67"/>
        <source>The previous place (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="69"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="69"/>
        <source>The next place (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="70"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="70"/>
        <source>Close the find bar (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Finder</name>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="116"/>
        <source>Open an agreement to find in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="199"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/panels/find_bar.py" line="201"/>
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n place</numerusform>
            <numerusform>%n places</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/find_bar.py" line="203"/>
        <source>%1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/findings_panel.py" line="43"/>
        <source>Network findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/findings_panel.py" line="44"/>
        <source>Where agreements contradict each other; press Enter to open the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/findings_panel.py" line="60"/>
        <source>The contract network is consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/findings_panel.py" line="61"/>
        <source>%1 finding(s), %2 error(s): select one and press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FingerprintsDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="29"/>
        <source>Library Fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="31"/>
        <source>This library signs what it records with the key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="40"/>
        <source>Read it to the other parties by phone: the packages they receive from you must show the same. Below, the keys pinned when each library&apos;s first package was imported; ask each party to read theirs to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="47"/>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="47"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="47"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/fingerprints_dialog.py" line="56"/>
        <source>No other library&apos;s key is pinned yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrozenColumnTable</name>
    <message>
        <location filename="../../negotiator/ui/common/frozen_table.py" line="21"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/common/frozen_table.py" line="22"/>
        <source>The item each row is about</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/history_panel.py" line="39"/>
        <source>Record check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/history_panel.py" line="42"/>
        <source>Negotiation history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/history_panel.py" line="43"/>
        <source>Every proposal, decision and round of this agreement, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/history_panel.py" line="61"/>
        <source>Open an agreement to see its negotiation history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/panels/history_panel.py" line="68"/>
        <source>%n event(s). The record&apos;s hash chain checks out: nothing in it has been changed.</source>
        <translation>
            <numerusform>%n event. The record&apos;s hash chain checks out: nothing in it has been changed.</numerusform>
            <numerusform>%n events. The record&apos;s hash chain checks out: nothing in it has been changed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/history_panel.py" line="72"/>
        <source>The record has been altered outside Negotiator: %1 Keep the file as evidence and restore a backup (File → Restore from Backup).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPackageDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="77"/>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="83"/>
        <source>Importing the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="93"/>
        <source>Nothing has been written yet. Importing into &apos;%1&apos; will add %2 proposal(s), %3 decision(s), %4 round(s) and %5 section(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="96"/>
        <source>Importing this package would change nothing in this library: it has been imported already, or brings nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="131"/>
        <source>Imported into &apos;%1&apos;: %2 proposal(s), %3 decision(s), %4 round(s) and %5 section(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="134"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="85"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="142"/>
        <source>The package was not imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRedlineDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="50"/>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="57"/>
        <source>Party of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="58"/>
        <source>(choose the party)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="64"/>
        <source>%1 acts for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="66"/>
        <source>Proposals the file will make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="67"/>
        <source>Each change in the file and the proposal it becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="68"/>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="68"/>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="68"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="71"/>
        <source>What was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="72"/>
        <source>Changes the app cannot turn into proposals; none is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="75"/>
        <source>Working out the proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="77"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="81"/>
        <source>Nothing is accepted by importing: each change becomes an open proposal of its party.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="127"/>
        <source>%1 proposal(s) will be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="136"/>
        <source>Importing the proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/import_dialogs.py" line="153"/>
        <source>The file was not imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="48"/>
        <source>Search clauses (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="49"/>
        <source>Search clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="50"/>
        <source>Type words from a clause&apos;s title or wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="53"/>
        <source>Category filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="54"/>
        <source>Search only this category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="60"/>
        <source>Clause library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="61"/>
        <source>Clauses by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="65"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="66"/>
        <source>Clauses matching the search, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="71"/>
        <source>Searching the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="73"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="74"/>
        <source>Stop searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="75"/>
        <source>Stop the search and show the library again (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="82"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="83"/>
        <source>How many clauses the search found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="119"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/library_panel.py" line="160"/>
        <source>Search stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/panels/library_panel.py" line="167"/>
        <source>%n clause(s) found</source>
        <translation>
            <numerusform>%n clause found</numerusform>
            <numerusform>%n clauses found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="80"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="82"/>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="84"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="86"/>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="88"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="90"/>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="92"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="106"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="108"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="109"/>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="110"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="111"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="113"/>
        <source>&amp;Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="115"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="117"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="121"/>
        <source>Find an &amp;Action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="123"/>
        <source>Type to find any action and run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="125"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="126"/>
        <source>Libraries opened lately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="154"/>
        <source>Opening the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="183"/>
        <source>The library could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="184"/>
        <source>No library open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/window/main_window.py" line="212"/>
        <source>%n clause(s) in the library</source>
        <translation>
            <numerusform>%n clause in the library</numerusform>
            <numerusform>%n clauses in the library</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="217"/>
        <source>Open Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="217"/>
        <source>Negotiator libraries (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="225"/>
        <source>Import Clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="225"/>
        <source>Clause library files (*.toml *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="246"/>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="245"/>
        <source>The clauses were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/window/main_window.py" line="242"/>
        <source>Imported %n clause(s)</source>
        <translation>
            <numerusform>Imported %n clause</numerusform>
            <numerusform>Imported %n clauses</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="266"/>
        <source>The log is in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../negotiator/ui/window/main_window.py" line="313"/>
        <source>%n finding(s) in the contract network</source>
        <translation>
            <numerusform>%n finding in the contract network</numerusform>
            <numerusform>%n findings in the contract network</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="316"/>
        <source>no library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/main_window.py" line="317"/>
        <source> — acting for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="48"/>
        <source>Money map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="49"/>
        <source>Organisations, and the agreements between them with their money</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyMapWindow</name>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="118"/>
        <source>Money Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="119"/>
        <source>Money map of the contract network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="126"/>
        <source>Agreements on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="130"/>
        <source>Choose an agreement to find it on the map; press Enter to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="141"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="142"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="143"/>
        <source>&amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="143"/>
        <source>Show the whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="144"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="145"/>
        <source>Draw the map again from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="146"/>
        <source>Export &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="146"/>
        <source>Save the map as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="147"/>
        <source>Export &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="147"/>
        <source>Save the map as a drawing that scales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="148"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="148"/>
        <source>Close the money map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="189"/>
        <source>Money flows left to right, from those who pay to those paid. Red marks an error between agreements, amber a warning (%1 in all). Click an agreement, or choose it in the list and press Enter, to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="229"/>
        <source>Export Money Map as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="229"/>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="233"/>
        <source>Export Money Map as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="233"/>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="236"/>
        <source>money-map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/money_map_window.py" line="245"/>
        <source>The money map was not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../negotiator/ui/models/navigator_model.py" line="141"/>
        <source>Clauses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NegotiationController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="63"/>
        <source>Open an agreement to see its proposals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="71"/>
        <source>Proposals on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="73"/>
        <source>All proposals on this agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="166"/>
        <source>Propose change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="134"/>
        <source>The proposal was not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="177"/>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="199"/>
        <source>The proposal was not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="233"/>
        <source>Counter Proposal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="258"/>
        <source>Counter proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="209"/>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="214"/>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="242"/>
        <source>The counter-proposal was not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="77"/>
        <source>%1 on %2: “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="79"/>
        <source> (in reply to proposal %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="111"/>
        <source>Nothing was proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="153"/>
        <source>Nothing has changed: change at least one value to propose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="215"/>
        <source>Only proposals of new wording or new term values can be countered; propose your own change instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="225"/>
        <source>the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="270"/>
        <source>Issue Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="271"/>
        <source>Label for the draft being issued:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="272"/>
        <source>Draft %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="282"/>
        <source>Issue round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="319"/>
        <source>Select the section to propose the change on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="275"/>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="284"/>
        <source>The round was not issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/negotiation_controller.py" line="286"/>
        <source>Issued %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NegotiationViews</name>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="64"/>
        <source>Positions matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="65"/>
        <source>Each party&apos;s position on each term and section under negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="131"/>
        <source>Comparing the wording of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="132"/>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="190"/>
        <source>Current wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="181"/>
        <source>the terms it changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="182"/>
        <source>Comparing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="183"/>
        <source>Current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="193"/>
        <source>The proposal on the current wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="194"/>
        <source>Proposal %1 was made on older wording; its change does not overlap later changes, so accepting it applies it to the current wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="197"/>
        <source>Proposal %1 was made on older wording that has since changed in the same place: ask its party to redo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="200"/>
        <source>Wording the proposal was made on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="216"/>
        <source>Check a Document Against the Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="217"/>
        <source>Word exports and negotiation packages (*.docx *.negotiation);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="222"/>
        <source>Checking %1 against the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="224"/>
        <source>The document was not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="229"/>
        <source>Check Against the Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="245"/>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="258"/>
        <source>The positions were not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="246"/>
        <source>Open an agreement first: the positions are an agreement&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="250"/>
        <source>Export Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="251"/>
        <source>Spreadsheet (CSV) (*.csv);;Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/negotiation_views.py" line="260"/>
        <source>Positions written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAgreementDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="30"/>
        <source>New Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="33"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="34"/>
        <source>A title unique in this library, such as &apos;MSK Sub-contract: Provider B&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="35"/>
        <source>Kind of agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="36"/>
        <source>Contracting model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="37"/>
        <source>Sits under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="37"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="46"/>
        <source>%1 (%2): its role in this agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="58"/>
        <source>Parties and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="59"/>
        <source>Give each party that signs this agreement its role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="44"/>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="45"/>
        <source>(not a party)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="64"/>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="65"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="66"/>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="67"/>
        <source>&amp;Under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/new_agreement_dialog.py" line="68"/>
        <source>&amp;Parties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../negotiator/ui/models/outline_model.py" line="84"/>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PositionsModel</name>
    <message>
        <location filename="../../negotiator/ui/models/positions_model.py" line="46"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/models/positions_model.py" line="46"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="18"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="20"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="21"/>
        <source>Recorded as the author of the clause versions and sections you write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="22"/>
        <source>Your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="23"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="24"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="24"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="24"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="25"/>
        <source>Light or dark windows; by default as the rest of your desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="27"/>
        <source>Proposals and decisions are made in the name of the party you act for (Negotiation → Act For).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="34"/>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/preferences.py" line="35"/>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="119"/>
        <source>Positions on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="125"/>
        <source>The agreement could not be laid out for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="142"/>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="148"/>
        <source>Sent %1 to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="158"/>
        <source>Export as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="159"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="168"/>
        <source>The PDF was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="169"/>
        <source>Nothing could be written to %1. Choose a folder you can save in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/printing.py" line="172"/>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="73"/>
        <source>unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="75"/>
        <source>own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="76"/>
        <source>recorded by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="81"/>
        <source>Unsigned: it came in a package of format 1, which carries no signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="83"/>
        <source>Its party&apos;s own: signed by its party&apos;s library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="84"/>
        <source>Recorded for %1 by %2 (from a returned Word file, say), not in its party&apos;s own library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsPanel</name>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="100"/>
        <source>Open an agreement to see its proposals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="102"/>
        <source>&amp;Whole agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="103"/>
        <source>Show the proposals on every section and term, not just the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="104"/>
        <source>Show proposals for the whole agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="108"/>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="109"/>
        <source>Proposals: who proposes what, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="142"/>
        <source>&amp;Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="144"/>
        <source>Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/proposals_panel.py" line="145"/>
        <source>What the parties said without proposing a change (comments in their returned Word files)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="57"/>
        <source>Propose a Change for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="59"/>
        <source>Proposing for &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="64"/>
        <source>What to propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="65"/>
        <source>New wording for the selected section, new term values, or a new section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="132"/>
        <source>New wording for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="134"/>
        <source>A new value for a term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="136"/>
        <source>Risk share (all parties)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="137"/>
        <source>A new section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="139"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="141"/>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="67"/>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="68"/>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="68"/>
        <source>The term to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="70"/>
        <source>%1 (now %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="79"/>
        <source>Move after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="79"/>
        <source>The section it should follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="80"/>
        <source>(to the top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="83"/>
        <source>Heading of the new section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="83"/>
        <source>The new section&apos;s heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="87"/>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="88"/>
        <source>Why your party proposes it: the other parties will read this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="91"/>
        <source>&amp;Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="91"/>
        <source>&amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="92"/>
        <source>Risk &amp;share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="92"/>
        <source>&amp;Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="93"/>
        <source>&amp;After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="93"/>
        <source>&amp;Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="94"/>
        <source>&amp;Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="94"/>
        <source>&amp;Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="96"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="96"/>
        <source>Why the proposal cannot be made as it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="105"/>
        <source>&amp;Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="106"/>
        <source>Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="106"/>
        <source>Make this proposal in your party&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="107"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="108"/>
        <source>Close without proposing (asks first if you have typed anything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="164"/>
        <source>Several terms at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_dialog.py" line="228"/>
        <source>%1: something unexpected went wrong. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="14"/>
        <source>accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="14"/>
        <source>rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="15"/>
        <source>Accept Proposal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="15"/>
        <source>Reject Proposal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="17"/>
        <source>Why %1 %2 proposal %3 (optional; the other parties will read it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="21"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="22"/>
        <source>Kept in the negotiation record with the decision; leave empty to give none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="27"/>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/reason_dialog.py" line="27"/>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepinDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/repin_dialog.py" line="21"/>
        <source>Re-pin to Library Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/repin_dialog.py" line="23"/>
        <source>Re-pinning replaces this section&apos;s wording with version %2 of &apos;%1&apos; (it uses version %3). Deletions are struck through, insertions underlined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/repin_dialog.py" line="29"/>
        <source>What would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/repin_dialog.py" line="32"/>
        <source>&amp;Re-pin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportLists</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="29"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="29"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="29"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="30"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="31"/>
        <source>What the package brings that this library does not have yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="32"/>
        <source>Decisions the package brings on proposals held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="33"/>
        <source>What is left out, and the rule that refuses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/package_review.py" line="34"/>
        <source>Proposals that compete for the same section or term</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="47"/>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="137"/>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="49"/>
        <source>Backups of %1, newest first. One is taken each time the library is opened, and the newest ten are kept. Restoring replaces the library; the library as it is now is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="54"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="55"/>
        <source>The backups of this library, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="56"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="56"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="56"/>
        <source>Clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="56"/>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="57"/>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="62"/>
        <source>There are no backups of this library yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="65"/>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="68"/>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="142"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="69"/>
        <source>Replace the library with the selected backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="72"/>
        <source>Choose &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="73"/>
        <source>Restore from a backup or library file kept elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="91"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="114"/>
        <source>the backup taken on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="118"/>
        <source>Restore from a File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="119"/>
        <source>Negotiator libraries (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="128"/>
        <source>Nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="138"/>
        <source>Replace the library %1 with %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/restore_dialog.py" line="140"/>
        <source>Everything written since then will be gone from the library. A backup of the library as it is now is kept first, so you can go back to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/review_controller.py" line="103"/>
        <source>No changes to review in this agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/controllers/review_controller.py" line="106"/>
        <source>Change %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="107"/>
        <source>Enter goes to its place in the agreement.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="210"/>
        <source>Filter by party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="210"/>
        <source>Show only this party&apos;s proposals and remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="211"/>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="212"/>
        <source>Show only open proposals, decided ones (the recorded changes), or remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="213"/>
        <source>Filter by place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="214"/>
        <source>Show only the entries on one section, on the terms or on new sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="215"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="218"/>
        <source>Open an agreement to review its changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="228"/>
        <source>Review: proposals, remarks and decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="229"/>
        <source>Every proposal, remark and recorded decision of the agreement, in reading order: old words struck through, new ones underlined. Enter goes to the place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="234"/>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="234"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="235"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="261"/>
        <source>All parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="262"/>
        <source>All places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="299"/>
        <source>%1 of %2 shown; %3 open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/review_pane.py" line="301"/>
        <source>No proposals or remarks on this agreement yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskShareEditor</name>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="53"/>
        <source>e.g. 2.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="65"/>
        <source>Risk corridor ± %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="66"/>
        <source>Losses above a cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="103"/>
        <source>The other parties, in proportion to their loss shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="106"/>
        <source>Party %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="140"/>
        <source>No party shares gains or losses yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="142"/>
        <source>Gains {gains} · Losses {losses}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="145"/>
        <source>: gains and losses must each make 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="147"/>
        <source>: gains must make 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/risk_share_editor.py" line="147"/>
        <source>: losses must make 100%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskShareModel</name>
    <message>
        <location filename="../../negotiator/ui/models/risk_share_model.py" line="194"/>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioChart</name>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_chart.py" line="71"/>
        <source>Risk-share chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_chart.py" line="88"/>
        <source>Gain or loss of %1 under %2 across results from %3; the table below gives the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_chart.py" line="143"/>
        <source>No risk share to chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_chart.py" line="186"/>
        <source>Year-end result, % of the budget (− overspend, + underspend)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioTableModel</name>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_table.py" line="28"/>
        <source>Carried by no party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_table.py" line="66"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioView</name>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="70"/>
        <source>Lowest result, % of the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="71"/>
        <source>Highest result, % of the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="72"/>
        <source>Step between results, % of the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="73"/>
        <source>Results shown in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="77"/>
        <source>Results for the table, as % of the budget or in pounds, separated by commas: −5%, +2%, −£2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="80"/>
        <source>Open proposals to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="82"/>
        <source>Show the checked proposals &amp;together as one scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="83"/>
        <source>Combine the checked proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="88"/>
        <source>Problem with the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="95"/>
        <source>Gains and losses at the chosen results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="98"/>
        <source>Copy C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="99"/>
        <source>Copy the chart to the clipboard as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="109"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="109"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="110"/>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="110"/>
        <source>Table &amp;at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="118"/>
        <source>Compare with &amp;open proposals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="157"/>
        <source>Open an agreement to see its risk share in pounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/scenario_view.py" line="205"/>
        <source>This agreement has no risk share yet: set each party&apos;s share of gains and losses in its terms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenariosController</name>
    <message>
        <location filename="../../negotiator/ui/controllers/scenarios_controller.py" line="31"/>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeveralTerms</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="115"/>
        <source>Proposed term values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="116"/>
        <source>Each term this proposal changes, with its proposed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="117"/>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="117"/>
        <source>Proposed value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TermValueEdit</name>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="43"/>
        <source>Not agreed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="61"/>
        <source>Proposed value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="61"/>
        <source>Proposed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="62"/>
        <source>Type the amount or percentage; it is checked as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="63"/>
        <source>The proposed date; the arrow opens a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="64"/>
        <source>The proposed number; the arrow keys step it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="65"/>
        <source>Choose the proposed value from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="70"/>
        <source>The proposed value, in the form its term takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="80"/>
        <source>Not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="88"/>
        <source>The other parties, in proportion to their loss shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="96"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="96"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="98"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/term_value_edit.py" line="98"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TermsEditor</name>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="73"/>
        <source>Choose an agreement to edit its terms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="79"/>
        <source>Risk share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="80"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="81"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="87"/>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="242"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="90"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="134"/>
        <source>Not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="156"/>
        <source>Not agreed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="175"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="196"/>
        <source>Contributions to the pooled fund (£)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="197"/>
        <source>What each party puts into the pooled fund; they must add up to the pooled fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="222"/>
        <source>Terms of {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="238"/>
        <source>Propose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="293"/>
        <source>Contribution from {party} (£)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="294"/>
        <source>What {party} puts into the pooled fund, in pounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="375"/>
        <source>Fix these before applying:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="376"/>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/panels/terms_editor.py" line="377"/>
        <source>Not known yet (needs a start date and an initial term)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="47"/>
        <source>Negotiator User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="51"/>
        <source>Find in the guide (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="52"/>
        <source>Find in the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="53"/>
        <source>Type a word and press Enter to find the next place it appears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="57"/>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="58"/>
        <source>Find previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="59"/>
        <source>Go to the place before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="61"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="62"/>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="63"/>
        <source>Go to the next place (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="66"/>
        <source>Search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="70"/>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="71"/>
        <source>How to draft, negotiate and exchange agreements with Negotiator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="74"/>
        <source>Close the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="75"/>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="95"/>
        <source>The user guide could not be found. It should be the file %1. The rest of Negotiator works as usual; please tell your support contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="102"/>
        <source>The user guide %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/help.py" line="132"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../negotiator/ui/window/welcome.py" line="22"/>
        <source>&lt;h1&gt;Negotiator&lt;/h1&gt;&lt;p&gt;Negotiate alliance agreements, prime contracts and sub-contracts with every party, and send Word redlines that anyone can accept or reject.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/welcome.py" line="51"/>
        <source>&lt;b&gt;Recent libraries&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/welcome.py" line="53"/>
        <source>Recent libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/welcome.py" line="54"/>
        <source>Press Enter or double-click to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/welcome.py" line="61"/>
        <source>None yet: the libraries you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowPlace</name>
    <message>
        <location filename="../../negotiator/ui/window/window_place.py" line="67"/>
        <source>Unapplied Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_place.py" line="68"/>
        <source>The terms of ‘%1’ have changes that are not applied yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_place.py" line="71"/>
        <source>Save them before closing, or discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_place.py" line="77"/>
        <source>Propose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/window_place.py" line="101"/>
        <source>The terms were not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordingDialog</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="15"/>
        <source>Revise %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="19"/>
        <source>New wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="20"/>
        <source>The new wording; the old version is kept. Terms can be written as placeholders such as {{payment.days}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="23"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="24"/>
        <source>Why the wording changed (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="25"/>
        <source>A short note kept with the new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="30"/>
        <source>&amp;Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/revise_dialog.py" line="31"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordingEdit</name>
    <message>
        <location filename="../../negotiator/ui/editors/wording_edit.py" line="120"/>
        <source>%1: not a term this agreement has</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordingPane</name>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="161"/>
        <source>Insert a term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="162"/>
        <source>Put a term into the wording where the cursor is; it shows the term&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="163"/>
        <source>Insert a term…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="166"/>
        <source>Proposed wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="167"/>
        <source>The wording you propose. Terms show as chips with their current values; type {{name}} or use Insert a term to add one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="176"/>
        <source>What changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/dialogs/propose_parts.py" line="177"/>
        <source>Your wording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordingPreview</name>
    <message>
        <location filename="../../negotiator/ui/editors/wording_preview.py" line="43"/>
        <source>Changes to the wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/editors/wording_preview.py" line="44"/>
        <source>What your wording changes: inserted words underlined in green, deleted words struck through in red</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../negotiator/ui/common/errors.py" line="34"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../negotiator/ui/common/background.py" line="79"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/common/background.py" line="81"/>
        <location filename="../../negotiator/ui/common/errors.py" line="19"/>
        <source>Negotiator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/common/background.py" line="82"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../negotiator/ui/controllers/money_map_controller.py" line="41"/>
        <source>The money map could not be drawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../negotiator/ui/common/actions.py" line="228"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../negotiator/ui/window/launch.py" line="30"/>
        <source>Negotiator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
