<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {0}</source>
        <translation>Über {0}</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>Private, end-to-end encrypted notes, agenda and goals for one mentor and one mentee.</source>
        <translation>Private, Ende-zu-Ende-verschlüsselte Notizen, Agenda und Ziele für einen Mentor und einen Mentee.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Mentorpair is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later): you may use, study, share and change it. It comes with no warranty.</source>
        <translation>Mentorpair ist freie Software unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later): Sie dürfen das Programm nutzen, untersuchen, weitergeben und verändern. Es wird ohne jede Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>Show &amp;licence</source>
        <translation>&amp;Lizenz anzeigen</translation>
    </message>
    <message>
        <source>Show licence</source>
        <translation>Lizenz anzeigen</translation>
    </message>
    <message>
        <source>How mentorpair &amp;protects you</source>
        <translation>Wie mentorpair Sie &amp;schützt</translation>
    </message>
    <message>
        <source>How mentorpair protects you</source>
        <translation>Wie mentorpair Sie schützt</translation>
    </message>
    <message>
        <source>Your security fingerprint</source>
        <translation>Ihr Sicherheits-Fingerabdruck</translation>
    </message>
    <message>
        <source>Security fingerprint</source>
        <translation>Sicherheits-Fingerabdruck</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy security fingerprint</source>
        <translation>Sicherheits-Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>These digits stand for your keys. Anyone may see them; the person you pair with compares them to be sure no one is in between.</source>
        <translation>Diese Ziffern stehen für Ihre Schlüssel. Jeder darf sie sehen; Ihr Gegenüber im Tandem vergleicht sie, um sicher zu sein, dass niemand dazwischen steht.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>New action</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>For example: Ask the clinical lead for a slot</source>
        <translation>Zum Beispiel: Die klinische Leitung um einen Termin bitten</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <source>{0} (mentee)</source>
        <translation>{0} (Mentee)</translation>
    </message>
    <message>
        <source>{0} (mentor)</source>
        <translation>{0} (Mentor)</translation>
    </message>
    <message>
        <source>Has a &amp;due date</source>
        <translation>&amp;Fällig bis</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Agreed at meeting</source>
        <translation>Vereinbart beim Treffen</translation>
    </message>
    <message>
        <source>Not linked to a meeting</source>
        <translation>Mit keinem Treffen verknüpft</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Was:</translation>
    </message>
    <message>
        <source>W&amp;ho:</source>
        <translation>W&amp;er:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Treffen:</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>The meeting an action came from stays fixed.</source>
        <translation>Das Treffen, aus dem eine Aufgabe stammt, bleibt fest.</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
</context>
<context>
    <name>ActionsTab</name>
    <message>
        <source>&amp;Add action…</source>
        <translation>Aufgabe hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Write down something you agreed (Ctrl+N)</source>
        <translation>Etwas Vereinbartes festhalten (Strg+N)</translation>
    </message>
    <message>
        <source>Ed&amp;it action…</source>
        <translation>Aufgabe &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>Mar&amp;k done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Hide &amp;done</source>
        <translation>Erledigte ausb&amp;lenden</translation>
    </message>
    <message>
        <source>Hide done actions</source>
        <translation>Erledigte Aufgaben ausblenden</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Action columns</source>
        <translation>Spalten der Aufgaben</translation>
    </message>
    <message>
        <source>Action rows</source>
        <translation>Zeilen der Aufgaben</translation>
    </message>
    <message>
        <source>No actions yet.

When you agree something at a meeting — who does what by when — add it here with Add action (Ctrl+N). Either of you can add actions and tick them off.</source>
        <translation>Noch keine Aufgaben.

Wenn Sie bei einem Treffen etwas vereinbaren – wer was bis wann erledigt –, tragen Sie es hier mit „Aufgabe hinzufügen“ (Strg+N) ein. Sie beide können Aufgaben hinzufügen und abhaken.</translation>
    </message>
    <message>
        <source>No actions were agreed in this relationship.</source>
        <translation>In diesem Tandem wurden keine Aufgaben vereinbart.</translation>
    </message>
    <message>
        <source>1 done action is hidden: untick “Hide done” to see it.</source>
        <translation>1 erledigte Aufgabe ist ausgeblendet: Entfernen Sie das Häkchen bei „Erledigte ausblenden“, um sie zu sehen.</translation>
    </message>
    <message>
        <source>{0} done actions are hidden: untick “Hide done” to see them.</source>
        <translation>{0} erledigte Aufgaben sind ausgeblendet: Entfernen Sie das Häkchen bei „Erledigte ausblenden“, um sie zu sehen.</translation>
    </message>
    <message>
        <source>This relationship has ended; its actions are kept read-only.</source>
        <translation>Dieses Tandem ist beendet; seine Aufgaben bleiben schreibgeschützt erhalten.</translation>
    </message>
    <message>
        <source>Actions you agree at meetings: what, who, by when.</source>
        <translation>Aufgaben, die Sie bei Treffen vereinbaren: was, wer, bis wann.</translation>
    </message>
    <message>
        <source>Everything agreed is done.</source>
        <translation>Alles Vereinbarte ist erledigt.</translation>
    </message>
    <message>
        <source>{0} to do, {1} overdue.</source>
        <translation>{0} offen, {1} überfällig.</translation>
    </message>
    <message>
        <source>{0} to do, none overdue.</source>
        <translation>{0} offen, keine überfällig.</translation>
    </message>
    <message>
        <source>Mar&amp;k not done</source>
        <translation>Als une&amp;rledigt markieren</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Als unerledigt markieren</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Change agenda item</source>
        <translation>Agendapunkt ändern</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Agendapunkt hinzufügen</translation>
    </message>
    <message>
        <source>What to discuss</source>
        <translation>Was besprochen werden soll</translation>
    </message>
    <message>
        <source>e.g. Preparing for my consultant interview</source>
        <translation>z. B. Vorbereitung auf mein Bewerbungsgespräch als Oberärztin</translation>
    </message>
    <message>
        <source>Why now</source>
        <translation>Warum jetzt</translation>
    </message>
    <message>
        <source>What makes this matter now?</source>
        <translation>Warum ist das gerade jetzt wichtig?</translation>
    </message>
    <message>
        <source>Outcome wanted</source>
        <translation>Gewünschtes Ergebnis</translation>
    </message>
    <message>
        <source>What would you like to come away with?</source>
        <translation>Was möchten Sie mitnehmen?</translation>
    </message>
    <message>
        <source>Linked goal</source>
        <translation>Verknüpftes Ziel</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>&amp;What to discuss:</source>
        <translation>&amp;Was besprochen werden soll:</translation>
    </message>
    <message>
        <source>W&amp;hy now:</source>
        <translation>Warum &amp;jetzt:</translation>
    </message>
    <message>
        <source>&amp;Outcome wanted:</source>
        <translation>Gewünschtes &amp;Ergebnis:</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Goals you add in the Goals tab can be linked here.</source>
        <translation>Ziele, die Sie im Reiter „Ziele“ anlegen, können Sie hier verknüpfen.</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <source>Why now: {0}</source>
        <translation>Warum jetzt: {0}</translation>
    </message>
    <message>
        <source>Outcome wanted: {0}</source>
        <translation>Gewünschtes Ergebnis: {0}</translation>
    </message>
    <message>
        <source>a goal no longer listed</source>
        <translation>ein nicht mehr aufgeführtes Ziel</translation>
    </message>
    <message>
        <source>Goal: {0}</source>
        <translation>Ziel: {0}</translation>
    </message>
    <message>
        <source>Suggested by your mentor</source>
        <translation>Von Ihrem Mentor vorgeschlagen</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Agenda status</source>
        <translation>Status der Agenda</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Agendapunkte</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>&amp;Punkt hinzufügen…</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Agendapunkt hinzufügen</translation>
    </message>
    <message>
        <source>Add an agenda item (Alt+A, or Insert in the list)</source>
        <translation>Einen Agendapunkt hinzufügen (Alt+P oder Einfg in der Liste)</translation>
    </message>
    <message>
        <source>Edit &amp;item…</source>
        <translation>Punkt &amp;ändern…</translation>
    </message>
    <message>
        <source>Edit agenda item</source>
        <translation>Agendapunkt bearbeiten</translation>
    </message>
    <message>
        <source>Change the chosen item (Enter)</source>
        <translation>Den gewählten Punkt ändern (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Agendapunkt entfernen</translation>
    </message>
    <message>
        <source>Remove the chosen item (Delete); you can undo</source>
        <translation>Den gewählten Punkt entfernen (Entf); Sie können das rückgängig machen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move item up</source>
        <translation>Punkt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the chosen item up (Alt+Up)</source>
        <translation>Den gewählten Punkt nach oben verschieben (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move item down</source>
        <translation>Punkt nach unten verschieben</translation>
    </message>
    <message>
        <source>Move the chosen item down (Alt+Down)</source>
        <translation>Den gewählten Punkt nach unten verschieben (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo remove</source>
        <translation>Entfernen rückgängig machen</translation>
    </message>
    <message>
        <source>Read&amp;y to share with my mentor</source>
        <translation>&amp;Fertig zum Teilen mit meinem Mentor</translation>
    </message>
    <message>
        <source>Ready to share with my mentor</source>
        <translation>Fertig zum Teilen mit meinem Mentor</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>Überneh&amp;men</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Put the chosen suggestion on the agenda (Enter in the list)</source>
        <translation>Den gewählten Vorschlag auf die Agenda setzen (Eingabetaste in der Liste)</translation>
    </message>
    <message>
        <source>Di&amp;smiss</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Dismiss suggestion</source>
        <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
        <source>&amp;Suggest an item…</source>
        <translation>Punkt vors&amp;chlagen…</translation>
    </message>
    <message>
        <source>Suggest an agenda item</source>
        <translation>Einen Agendapunkt vorschlagen</translation>
    </message>
    <message>
        <source>Once a meeting is planned, its agenda appears here: what to discuss, why it matters now and what outcome is wanted.</source>
        <translation>Sobald ein Treffen geplant ist, erscheint hier seine Agenda: was besprochen werden soll, warum es jetzt wichtig ist und welches Ergebnis gewünscht ist.</translation>
    </message>
    <message>
        <source>Choose a meeting to see its agenda.</source>
        <translation>Wählen Sie ein Treffen, um seine Agenda zu sehen.</translation>
    </message>
    <message>
        <source>Your mentee prepares the agenda and shares it when ready. Meanwhile you can suggest items below.</source>
        <translation>Ihr Mentee bereitet die Agenda vor und teilt sie, wenn sie fertig ist. Bis dahin können Sie unten Punkte vorschlagen.</translation>
    </message>
    <message>
        <source>Nothing on the agenda yet.

Add what you want to discuss (Alt+A): why it matters now and what you hope to come away with. Link an item to one of your goals to keep track of it.</source>
        <translation>Noch nichts auf der Agenda.

Fügen Sie hinzu, was Sie besprechen möchten (Alt+P): warum es jetzt wichtig ist und was Sie mitnehmen möchten. Verknüpfen Sie einen Punkt mit einem Ihrer Ziele, um den Überblick zu behalten.</translation>
    </message>
    <message>
        <source>There are no items on this agenda.</source>
        <translation>Diese Agenda enthält keine Punkte.</translation>
    </message>
    <message>
        <source>This relationship has ended: the agenda is kept read-only.</source>
        <translation>Dieses Tandem ist beendet: Die Agenda bleibt schreibgeschützt erhalten.</translation>
    </message>
    <message>
        <source>This meeting was cancelled; its agenda is kept as it was.</source>
        <translation>Dieses Treffen wurde abgesagt; seine Agenda bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>Your mentee&apos;s agenda: only they can change it.</source>
        <translation>Die Agenda Ihres Mentees: Nur Ihr Mentee kann sie ändern.</translation>
    </message>
    <message>
        <source>Your mentee has not shared an agenda for this meeting yet.</source>
        <translation>Ihr Mentee hat für dieses Treffen noch keine Agenda geteilt.</translation>
    </message>
    <message>
        <source>Ready — your mentor sees it once your next update reaches them.</source>
        <translation>Fertig – Ihr Mentor sieht sie, sobald Ihre nächste Aktualisierung bei ihm ankommt.</translation>
    </message>
    <message>
        <source>Ready — your mentor sees it once your next update reaches them. Compare the safety code in the Partner tab to be sure only they can read it.</source>
        <translation>Fertig – Ihr Mentor sieht sie, sobald Ihre nächste Aktualisierung bei ihm ankommt. Vergleichen Sie den Sicherheitscode im Reiter „Gegenüber“, damit sicher nur er sie lesen kann.</translation>
    </message>
    <message>
        <source>Ready — but nothing is sent until you check your mentor&apos;s new keys in the Partner tab.</source>
        <translation>Fertig – aber nichts wird gesendet, bis Sie die neuen Schlüssel Ihres Mentors im Reiter „Gegenüber“ geprüft haben.</translation>
    </message>
    <message>
        <source>Ready — your mentor will see it once you are paired.</source>
        <translation>Fertig – Ihr Mentor sieht sie, sobald Ihre Geräte gekoppelt sind.</translation>
    </message>
    <message>
        <source>Draft — only you can see it until you mark it ready.</source>
        <translation>Entwurf – nur Sie sehen sie, bis Sie sie als fertig markieren.</translation>
    </message>
    <message>
        <source>Suggestions from your mentor</source>
        <translation>Vorschläge Ihres Mentors</translation>
    </message>
    <message>
        <source>Your suggestions</source>
        <translation>Ihre Vorschläge</translation>
    </message>
    <message>
        <source>Accept one to put it on the agenda, or dismiss it.</source>
        <translation>Übernehmen Sie einen Vorschlag auf die Agenda, oder lehnen Sie ihn ab.</translation>
    </message>
    <message>
        <source>No open suggestions from your mentor for this meeting.</source>
        <translation>Keine offenen Vorschläge Ihres Mentors für dieses Treffen.</translation>
    </message>
    <message>
        <source>Suggest things your mentee might bring to this meeting; they decide what goes on the agenda.</source>
        <translation>Schlagen Sie vor, was Ihr Mentee zu diesem Treffen mitbringen könnte; Ihr Mentee entscheidet, was auf die Agenda kommt.</translation>
    </message>
    <message>
        <source>Removed “{0}”.</source>
        <translation>„{0}“ entfernt.</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <source>Agreement state</source>
        <translation>Stand der Vereinbarung</translation>
    </message>
    <message>
        <source>Co&amp;nfirm this agreement</source>
        <translation>Diese Vereinbarung &amp;bestätigen</translation>
    </message>
    <message>
        <source>Confirm this agreement</source>
        <translation>Diese Vereinbarung bestätigen</translation>
    </message>
    <message>
        <source>How often we meet</source>
        <translation>Wie oft wir uns treffen</translation>
    </message>
    <message>
        <source>How o&amp;ften we meet</source>
        <translation>Wie o&amp;ft wir uns treffen</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Beginnt am</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>Be&amp;ginnt am</translation>
    </message>
    <message>
        <source>&amp;Review or end on</source>
        <translation>Überprüfung oder &amp;Ende am</translation>
    </message>
    <message>
        <source>Set a review or end date</source>
        <translation>Ein Datum für Überprüfung oder Ende festlegen</translation>
    </message>
    <message>
        <source>Review or end on</source>
        <translation>Überprüfung oder Ende am</translation>
    </message>
    <message>
        <source>In &amp;person</source>
        <translation>&amp;Persönlich</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Te&amp;lefon</translation>
    </message>
    <message>
        <source>&amp;Video</source>
        <translation>V&amp;ideo</translation>
    </message>
    <message>
        <source>Emai&amp;l</source>
        <translation>E-&amp;Mail</translation>
    </message>
    <message>
        <source>Meet: {0}</source>
        <translation>Treffen: {0}</translation>
    </message>
    <message>
        <source>How we meet</source>
        <translation>Wie wir uns treffen</translation>
    </message>
    <message>
        <source>What is confidential</source>
        <translation>Was vertraulich ist</translation>
    </message>
    <message>
        <source>What is confi&amp;dential</source>
        <translation>Was vertrauli&amp;ch ist</translation>
    </message>
    <message>
        <source>Limits of confidentiality</source>
        <translation>Grenzen der Vertraulichkeit</translation>
    </message>
    <message>
        <source>Its l&amp;imits: when we would tell someone</source>
        <translation>Ihre G&amp;renzen: wann wir jemanden informieren würden</translation>
    </message>
    <message>
        <source>Either of us may end the mentoring at any time, &amp;without giving a reason</source>
        <translation>Jede und jeder von uns kann das Mentoring &amp;jederzeit ohne Angabe von Gründen beenden</translation>
    </message>
    <message>
        <source>Either of us may end the mentoring at any time, without giving a reason</source>
        <translation>Jede und jeder von uns kann das Mentoring jederzeit ohne Angabe von Gründen beenden</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save the agreement</source>
        <translation>Die Vereinbarung speichern</translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation>Meine Änderungen ver&amp;werfen</translation>
    </message>
    <message>
        <source>Undo my changes</source>
        <translation>Meine Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Every 4–6 weeks</source>
        <translation>Alle 4–6 Wochen</translation>
    </message>
    <message>
        <source>What we talk about stays between the two of us. Neither of us passes on notes, the agenda or goals to anyone else, including the scheme, supervisors or managers.</source>
        <translation>Worüber wir sprechen, bleibt unter uns beiden. Keiner von uns gibt Notizen, Agenda oder Ziele an andere weiter, auch nicht an das Mentoring-Programm, Vorgesetzte oder die Leitung.</translation>
    </message>
    <message>
        <source>Concerns about patient safety or serious risk to someone&apos;s wellbeing. If that comes up, we talk about it together first and agree what happens next.</source>
        <translation>Bedenken zur Patientensicherheit oder eine ernste Gefahr für das Wohl eines Menschen. Kommt das zur Sprache, besprechen wir es zuerst gemeinsam und vereinbaren, wie es weitergeht.</translation>
    </message>
    <message>
        <source>No agreement yet</source>
        <translation>Noch keine Vereinbarung</translation>
    </message>
    <message>
        <source>Agree together how often you meet, for how long, how, what stays confidential and its limits. A suggested starting point is filled in below: change it until it says what you both mean, then save it.</source>
        <translation>Vereinbaren Sie gemeinsam, wie oft, wie lange und wie Sie sich treffen, was vertraulich bleibt und wo die Grenzen liegen. Unten ist ein Vorschlag als Ausgangspunkt eingetragen: Ändern Sie ihn, bis er sagt, was Sie beide meinen, und speichern Sie ihn dann.</translation>
    </message>
    <message>
        <source>Agreed by both of you</source>
        <translation>Von Ihnen beiden vereinbart</translation>
    </message>
    <message>
        <source>You and {0} confirmed this version.</source>
        <translation>Sie und {0} haben diese Fassung bestätigt.</translation>
    </message>
    <message>
        <source>Waiting for {0} to confirm</source>
        <translation>Wartet auf die Bestätigung durch {0}</translation>
    </message>
    <message>
        <source>You confirmed this version. {0} confirms it on their own device once it reaches them; their confirmation arrives with their next update (see the Partner tab).</source>
        <translation>Sie haben diese Fassung bestätigt. {0} bestätigt sie auf dem eigenen Gerät, sobald sie dort ankommt; die Bestätigung kommt mit der nächsten Aktualisierung (siehe Reiter „Gegenüber“).</translation>
    </message>
    <message>
        <source>{0} confirmed an earlier version while this one was being written; that confirmation counts for the earlier version only.</source>
        <translation>{0} hat eine frühere Fassung bestätigt, während diese hier entstand; diese Bestätigung gilt nur für die frühere Fassung.</translation>
    </message>
    <message>
        <source>Saving counts as your confirmation. {0} confirms it on their own device once it reaches them.</source>
        <translation>Speichern gilt als Ihre Bestätigung. {0} bestätigt sie auf dem eigenen Gerät, sobald sie dort ankommt.</translation>
    </message>
    <message>
        <source>{0} proposed this agreement</source>
        <translation>{0} hat diese Vereinbarung vorgeschlagen</translation>
    </message>
    <message>
        <source>{0} confirmed this version. Read it below; if you agree, confirm it. If not, change it and save: that proposes a new version to {0}.</source>
        <translation>{0} hat diese Fassung bestätigt. Lesen Sie sie unten; wenn Sie einverstanden sind, bestätigen Sie sie. Wenn nicht, ändern Sie sie und speichern Sie: Damit schlagen Sie {0} eine neue Fassung vor.</translation>
    </message>
    <message>
        <source>Either of you may propose the terms.</source>
        <translation>Sie beide können die Bedingungen vorschlagen.</translation>
    </message>
    <message>
        <source>Either of you may propose changes.</source>
        <translation>Sie beide können Änderungen vorschlagen.</translation>
    </message>
    <message>
        <source>S&amp;ave the agreement</source>
        <translation>Vereinbarung &amp;speichern</translation>
    </message>
    <message>
        <source>S&amp;ave as a new version</source>
        <translation>Als neue Fassung &amp;speichern</translation>
    </message>
    <message>
        <source>Saving a change makes a new version, which both of you confirm again.</source>
        <translation>Eine gespeicherte Änderung ergibt eine neue Fassung, die Sie beide erneut bestätigen.</translation>
    </message>
    <message>
        <source>No agreement was written down</source>
        <translation>Es wurde keine Vereinbarung festgehalten</translation>
    </message>
    <message>
        <source>The agreement as it stood at the end</source>
        <translation>Die Vereinbarung in ihrer letzten Fassung</translation>
    </message>
    <message>
        <source>Both of you confirmed it.</source>
        <translation>Sie beide haben sie bestätigt.</translation>
    </message>
    <message>
        <source>You confirmed it; {0} had not yet.</source>
        <translation>Sie haben sie bestätigt; {0} noch nicht.</translation>
    </message>
    <message>
        <source>{0} confirmed it; you had not yet.</source>
        <translation>{0} hat sie bestätigt; Sie noch nicht.</translation>
    </message>
    <message>
        <source>The mentoring has ended, so this record is read-only.</source>
        <translation>Das Mentoring ist beendet, daher ist dieser Stand schreibgeschützt.</translation>
    </message>
    <message>
        <source>Say how often you meet, for example “{0}”.</source>
        <translation>Geben Sie an, wie oft Sie sich treffen, zum Beispiel „{0}“.</translation>
    </message>
    <message>
        <source>The review or end date is before the start date.</source>
        <translation>Das Datum für Überprüfung oder Ende liegt vor dem Beginn.</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Goal categories</source>
        <translation>Kategorien für Ziele</translation>
    </message>
    <message>
        <source>One category per line, in the order you want them offered. Goals keep their category even if you remove it here.</source>
        <translation>Eine Kategorie pro Zeile, in der Reihenfolge, in der sie angeboten werden sollen. Ziele behalten ihre Kategorie, auch wenn Sie sie hier entfernen.</translation>
    </message>
    <message>
        <source>Categories, one per line</source>
        <translation>Kategorien, eine pro Zeile</translation>
    </message>
    <message>
        <source>Save categories</source>
        <translation>Kategorien speichern</translation>
    </message>
    <message>
        <source>&amp;Categories:</source>
        <translation>&amp;Kategorien:</translation>
    </message>
</context>
<context>
    <name>CollectorPage</name>
    <message>
        <source>Collector: pass feedback on in batches</source>
        <translation>Vertrauensperson: Rückmeldungen gebündelt weitergeben</translation>
    </message>
    <message>
        <source>For the person a scheme names as its collector. People send you their feedback files any way they like. You cannot read any answer: you keep the newest file of each person and pair, and pass files to the coordinator only in batches of at least the scheme&apos;s smallest group, renamed and mixed.</source>
        <translation>Für die Person, die ein Programm als Vertrauensperson benennt. Man schickt Ihnen Rückmeldedateien auf beliebigem Weg. Sie können keine Antwort lesen: Sie behalten die neueste Datei jeder Person und jedes Paares und geben Dateien an die Koordination nur in Stapeln von mindestens der kleinsten Gruppengröße des Programms weiter, umbenannt und gemischt.</translation>
    </message>
    <message>
        <source>Make your keys (once)</source>
        <translation>Ihre Schlüssel erstellen (einmalig)</translation>
    </message>
    <message>
        <source>Your name or role as people will see it</source>
        <translation>Ihr Name oder Ihre Rolle, wie andere sie sehen</translation>
    </message>
    <message>
        <source>e.g. Freedom to Speak Up Guardian</source>
        <translation>z. B. Vertrauensperson für Hinweise</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Confirm new passphrase</source>
        <translation>Neue Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Folder to save your keys in</source>
        <translation>Ordner für Ihre Schlüssel</translation>
    </message>
    <message>
        <source>Make my &amp;keys</source>
        <translation>Meine Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>Make my collector keys</source>
        <translation>Meine Schlüssel als Vertrauensperson erstellen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>New &amp;passphrase</source>
        <translation>Neue &amp;Passphrase</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>Bes&amp;tätigen</translation>
    </message>
    <message>
        <source>Save &amp;in</source>
        <translation>Speichern &amp;in</translation>
    </message>
    <message>
        <source>Receive files and release batches</source>
        <translation>Dateien annehmen und Stapel freigeben</translation>
    </message>
    <message>
        <source>Your collector key file</source>
        <translation>Ihre Schlüsseldatei als Vertrauensperson</translation>
    </message>
    <message>
        <source>The {0} file</source>
        <translation>Die {0}-Datei</translation>
    </message>
    <message>
        <source>The scheme file</source>
        <translation>Die Programmdatei</translation>
    </message>
    <message>
        <source>Your store folder for this scheme</source>
        <translation>Ihr Ablageordner für dieses Programm</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Folder of feedback files you received</source>
        <translation>Ordner mit den erhaltenen Rückmeldedateien</translation>
    </message>
    <message>
        <source>Folder to give the coordinator</source>
        <translation>Ordner für die Koordination</translation>
    </message>
    <message>
        <source>Recei&amp;ve files</source>
        <translation>Dateien &amp;annehmen</translation>
    </message>
    <message>
        <source>Receive the feedback files</source>
        <translation>Die Rückmeldedateien annehmen</translation>
    </message>
    <message>
        <source>Re&amp;lease batches</source>
        <translation>Stapel &amp;freigeben</translation>
    </message>
    <message>
        <source>Release batches to the coordinator</source>
        <translation>Stapel an die Koordination freigeben</translation>
    </message>
    <message>
        <source>Collector ke&amp;y</source>
        <translation>Eigener &amp;Schlüssel</translation>
    </message>
    <message>
        <source>Sc&amp;heme file</source>
        <translation>Programm&amp;datei</translation>
    </message>
    <message>
        <source>St&amp;ore folder</source>
        <translation>Ablage&amp;ordner</translation>
    </message>
    <message>
        <source>Fil&amp;es received</source>
        <translation>E&amp;rhaltene Dateien</translation>
    </message>
    <message>
        <source>P&amp;assphrase</source>
        <translation>Passp&amp;hrase</translation>
    </message>
    <message>
        <source>For the coor&amp;dinator</source>
        <translation>Für die &amp;Koordination</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What the collector did</source>
        <translation>Was die Vertrauensperson getan hat</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Choose: {0}</source>
        <translation>Wählen: {0}</translation>
    </message>
    <message>
        <source>Made your keys. Give {0} to the coordinator: they name you in the scheme with it. Keep {1} safe: with your passphrase it signs your batches.</source>
        <translation>Ihre Schlüssel sind erstellt. Geben Sie {0} der Koordination: Damit benennt sie Sie im Programm. Bewahren Sie {1} sicher auf: Mit Ihrer Passphrase unterschreibt sie Ihre Stapel.</translation>
    </message>
    <message>
        <source>Choose your key file, the scheme file and a store folder, and type your passphrase.</source>
        <translation>Wählen Sie Ihre Schlüsseldatei, die Programmdatei und einen Ablageordner, und geben Sie Ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>Choose the folder with the files you received.</source>
        <translation>Wählen Sie den Ordner mit den erhaltenen Dateien.</translation>
    </message>
    <message>
        <source>Received. New people: {0}; newer answers of people already here: {1}; older copies left out: {2}; not feedback for this scheme: {3}.</source>
        <translation>Angenommen. Neue Personen: {0}; neuere Antworten schon bekannter Personen: {1}; ältere Kopien ausgelassen: {2}; keine Rückmeldung für dieses Programm: {3}.</translation>
    </message>
    <message>
        <source>Choose the folder to give the coordinator.</source>
        <translation>Wählen Sie den Ordner für die Koordination.</translation>
    </message>
    <message>
        <source>Nothing to release yet: a batch needs at least {0} people the coordinator has not had. Nothing was written.</source>
        <translation>Noch nichts freizugeben: Ein Stapel braucht mindestens {0} Personen, die die Koordination noch nicht erhalten hat. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Released {0}: {1} people.</source>
        <translation>Freigegeben: {0} mit {1} Personen.</translation>
    </message>
    <message>
        <source>Give the coordinator the folder {0}.</source>
        <translation>Geben Sie der Koordination den Ordner {0}.</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <source>Coordinator</source>
        <translation>Koordination</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;New scheme</source>
        <translation>Neues Pro&amp;gramm</translation>
    </message>
    <message>
        <source>Collec&amp;tor</source>
        <translation>&amp;Vertrauensperson</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Mentorpair ran into a problem</source>
        <translation>Mentorpair ist auf ein Problem gestoßen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Mentorpair ran into a problem it did not expect.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Everything you had saved is safe. A technical report was added to the log in {0}; it holds no names, notes or passphrases, so you can send it to the developers.&lt;/p&gt;&lt;p&gt;You can keep working, or quit and start Mentorpair again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Mentorpair ist auf ein unerwartetes Problem gestoßen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Alles, was Sie gespeichert hatten, ist sicher. Ein technischer Bericht wurde dem Protokoll in {0} hinzugefügt; er enthält keine Namen, Notizen oder Passphrasen, Sie können ihn also an die Entwickler schicken.&lt;/p&gt;&lt;p&gt;Sie können weiterarbeiten oder Mentorpair beenden und neu starten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>EndRelationshipDialog</name>
    <message>
        <source>End mentoring</source>
        <translation>Mentoring beenden</translation>
    </message>
    <message>
        <source>End mentoring with {0}</source>
        <translation>Mentoring mit {0} beenden</translation>
    </message>
    <message>
        <source>Either of you can end the mentoring at any time, and no reason is needed. Afterwards the record is read-only: nothing can be added or changed.</source>
        <translation>Sie beide können das Mentoring jederzeit beenden, ohne Angabe von Gründen. Danach sind die Unterlagen schreibgeschützt: Nichts kann mehr hinzugefügt oder geändert werden.</translation>
    </message>
    <message>
        <source>Closing summary</source>
        <translation>Abschließende Zusammenfassung</translation>
    </message>
    <message>
        <source>What you worked on, what changed, what you take with you.</source>
        <translation>Woran Sie gearbeitet haben, was sich verändert hat, was Sie mitnehmen.</translation>
    </message>
    <message>
        <source>Closing &amp;summary (optional)</source>
        <translation>Abschließende &amp;Zusammenfassung (optional)</translation>
    </message>
    <message>
        <source>The summary reaches {0} with your next update to them.</source>
        <translation>Die Zusammenfassung erreicht {0} mit Ihrer nächsten Aktualisierung.</translation>
    </message>
    <message>
        <source>Reason, stays on this computer, never shared</source>
        <translation>Grund, bleibt auf diesem Computer, wird nie geteilt</translation>
    </message>
    <message>
        <source>&amp;Reason (stays on this computer, never shared)</source>
        <translation>&amp;Grund (bleibt auf diesem Computer, wird nie geteilt)</translation>
    </message>
    <message>
        <source>Optional. Only you will ever see it.</source>
        <translation>Optional. Nur Sie werden ihn je sehen.</translation>
    </message>
    <message>
        <source>E&amp;xport my record…</source>
        <translation>Meine Unterlagen e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export my record</source>
        <translation>Meine Unterlagen exportieren</translation>
    </message>
    <message>
        <source>Before you decide, you can keep a copy of your record outside the app (not encrypted).</source>
        <translation>Bevor Sie sich entscheiden, können Sie eine Kopie Ihrer Unterlagen außerhalb der App aufbewahren (nicht verschlüsselt).</translation>
    </message>
    <message>
        <source>Your copy of this pair</source>
        <translation>Ihre Kopie dieses Tandems</translation>
    </message>
    <message>
        <source>&amp;Keep my copy, read-only</source>
        <translation>Meine Kopie schreibgeschützt &amp;behalten</translation>
    </message>
    <message>
        <source>Keep my copy, read-only</source>
        <translation>Meine Kopie schreibgeschützt behalten</translation>
    </message>
    <message>
        <source>&amp;Destroy my copy of this pair</source>
        <translation>Meine Kopie dieses Tandems &amp;vernichten</translation>
    </message>
    <message>
        <source>Destroy my copy of this pair</source>
        <translation>Meine Kopie dieses Tandems vernichten</translation>
    </message>
    <message>
        <source>You can still read and export it.</source>
        <translation>Sie können sie weiterhin lesen und exportieren.</translation>
    </message>
    <message>
        <source>This erases everything of this pair from this computer: meetings, agenda, goals, actions and all notes, your private ones too. It cannot be undone. Backups you made earlier still contain it. {0}&apos;s own copy is not affected.</source>
        <translation>Damit wird alles aus diesem Tandem von diesem Computer gelöscht: Treffen, Agenda, Ziele, Aufgaben und alle Notizen, auch Ihre privaten. Das lässt sich nicht rückgängig machen. Früher angelegte Sicherungen enthalten es weiterhin. Die eigene Kopie von {0} ist nicht betroffen.</translation>
    </message>
    <message>
        <source>Type to confirm destroying</source>
        <translation>Zum Bestätigen des Vernichtens eintippen</translation>
    </message>
    <message>
        <source>T&amp;ype {0} or the word {1} to confirm:</source>
        <translation>Zum Bestätigen {0} oder das Wort {1} &amp;eintippen:</translation>
    </message>
    <message>
        <source>&amp;End mentoring</source>
        <translation>Mentoring b&amp;eenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;End mentoring and destroy my copy</source>
        <translation>Mentoring b&amp;eenden und meine Kopie vernichten</translation>
    </message>
    <message>
        <source>Your record was exported to {0} as {1} and {2}.</source>
        <translation>Ihre Unterlagen wurden nach {0} als {1} und {2} exportiert.</translation>
    </message>
    <message>
        <source>Not ended</source>
        <translation>Nicht beendet</translation>
    </message>
    <message>
        <source>Copy not destroyed</source>
        <translation>Kopie nicht vernichtet</translation>
    </message>
    <message>
        <source>The mentoring has ended and your copy is read-only, but it could not be destroyed: {0}</source>
        <translation>Das Mentoring ist beendet und Ihre Kopie ist schreibgeschützt, sie konnte aber nicht vernichtet werden: {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to calendar</source>
        <translation>In den Kalender exportieren</translation>
    </message>
    <message>
        <source>The calendar file holds the date, the time and the title below. Names, the agenda and notes are never put in it.</source>
        <translation>Die Kalenderdatei enthält das Datum, die Uhrzeit und den Titel unten. Namen, Agenda und Notizen kommen nie hinein.</translation>
    </message>
    <message>
        <source>Mentoring meeting</source>
        <translation>Mentoring-Treffen</translation>
    </message>
    <message>
        <source>Calendar entry title</source>
        <translation>Titel des Kalendereintrags</translation>
    </message>
    <message>
        <source>&amp;Include place or link</source>
        <translation>&amp;Ort oder Link aufnehmen</translation>
    </message>
    <message>
        <source>Include place or link</source>
        <translation>Ort oder Link aufnehmen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>The title names your mentoring partner. Anyone who can see your calendar will read it.</source>
        <translation>Der Titel nennt Ihr Gegenüber im Mentoring. Alle, die Ihren Kalender sehen können, lesen ihn.</translation>
    </message>
</context>
<context>
    <name>ExportRecord</name>
    <message>
        <source>your private notes and reflections</source>
        <translation>Ihre privaten Notizen und Reflexionen</translation>
    </message>
    <message>
        <source>your private notes</source>
        <translation>Ihre privaten Notizen</translation>
    </message>
    <message>
        <source>The export is not encrypted</source>
        <translation>Der Export ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Your record is written as two ordinary files (Markdown and JSON) that are NOT encrypted. Anyone who can open the folder you choose, or a backup or cloud copy of it, can read everything in them, including {0}.

Choose a folder only you can reach, such as an encrypted drive.</source>
        <translation>Ihre Unterlagen werden als zwei gewöhnliche Dateien (Markdown und JSON) geschrieben, die NICHT verschlüsselt sind. Alle, die den gewählten Ordner oder eine Sicherung oder Cloud-Kopie davon öffnen können, können alles darin lesen, auch {0}.

Wählen Sie einen Ordner, auf den nur Sie Zugriff haben, etwa ein verschlüsseltes Laufwerk.</translation>
    </message>
    <message>
        <source>Choose a folder for your record</source>
        <translation>Wählen Sie einen Ordner für Ihre Unterlagen</translation>
    </message>
    <message>
        <source>Record not exported</source>
        <translation>Unterlagen nicht exportiert</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback to {0}</source>
        <translation>Rückmeldung an {0}</translation>
    </message>
    <message>
        <source>Feedback to the scheme</source>
        <translation>Rückmeldung an das Programm</translation>
    </message>
    <message>
        <source>{0} asks for feedback on {1}. Every question is optional, and so is answering at all. Names the app knows, e-mail addresses, phone and registration numbers and dates are taken out of what you write; the next step shows what is left, for you to check.</source>
        <translation>{0} bittet um Rückmeldung zu {1}. Jede Frage ist freiwillig, und die Antwort überhaupt auch. Namen, die die App kennt, E-Mail-Adressen, Telefon- und Registriernummern sowie Daten werden aus Ihrem Text entfernt; der nächste Schritt zeigt, was übrig bleibt, damit Sie es prüfen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel without sending anything</source>
        <translation>Abbrechen, ohne etwas zu senden</translation>
    </message>
    <message>
        <source>&amp;See what will be sent…</source>
        <translation>&amp;Ansehen, was gesendet wird…</translation>
    </message>
    <message>
        <source>See what will be sent</source>
        <translation>Ansehen, was gesendet wird</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>{0} No answer</source>
        <translation>{0} Keine Antwort</translation>
    </message>
    <message>
        <source>Facts the app can add, if you agree</source>
        <translation>Angaben, die die App hinzufügen kann, wenn Sie zustimmen</translation>
    </message>
    <message>
        <source>Only in these rough forms; nothing is added unless you tick it. They help the scheme see, for example, whether pairs who meet more find it more useful. The coordinator sees them beside your answers: if few pairs share them (say, the only pair together for over two years), they can point to you.</source>
        <translation>Nur in diesen groben Formen; nichts wird hinzugefügt, wenn Sie es nicht ankreuzen. Sie helfen dem Programm zu sehen, ob zum Beispiel Paare, die sich öfter treffen, es nützlicher finden. Die Koordination sieht sie neben Ihren Antworten: Wenn nur wenige Paare sie teilen (etwa das einzige Paar, das seit über zwei Jahren besteht), können sie auf Sie hinweisen.</translation>
    </message>
    <message>
        <source>Add my role: {0}</source>
        <translation>Meine Rolle hinzufügen: {0}</translation>
    </message>
    <message>
        <source>Add how often we met in this period: {0}</source>
        <translation>Hinzufügen, wie oft wir uns in diesem Zeitraum getroffen haben: {0}</translation>
    </message>
    <message>
        <source>Add how we met: {0}</source>
        <translation>Hinzufügen, wie wir uns getroffen haben: {0}</translation>
    </message>
    <message>
        <source>Add how long we have been a pair: {0}</source>
        <translation>Hinzufügen, wie lange wir schon ein Tandem sind: {0}</translation>
    </message>
    <message>
        <source>Exactly what will leave this computer</source>
        <translation>Genau das verlässt diesen Computer</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Was gesendet wird</translation>
    </message>
    <message>
        <source>These words might be names. The app cannot tell: remove any that could point to someone.</source>
        <translation>Diese Wörter könnten Namen sein. Die App kann es nicht entscheiden: Entfernen Sie alle, die auf jemanden hinweisen könnten.</translation>
    </message>
    <message>
        <source>Words that might be names</source>
        <translation>Wörter, die Namen sein könnten</translation>
    </message>
    <message>
        <source>I have read this, and this is what I want to send.</source>
        <translation>Ich habe das gelesen, und genau das möchte ich senden.</translation>
    </message>
    <message>
        <source>I have read what will be sent</source>
        <translation>Ich habe gelesen, was gesendet wird</translation>
    </message>
    <message>
        <source>&amp;Back to my answers</source>
        <translation>&amp;Zurück zu meinen Antworten</translation>
    </message>
    <message>
        <source>Back to my answers</source>
        <translation>Zurück zu meinen Antworten</translation>
    </message>
    <message>
        <source>Sa&amp;ve the sealed file…</source>
        <translation>Versiegelte Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the sealed feedback file</source>
        <translation>Die versiegelte Rückmeldedatei speichern</translation>
    </message>
    <message>
        <source>Could not prepare the feedback</source>
        <translation>Die Rückmeldung konnte nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>Remove “{0}”</source>
        <translation>„{0}“ entfernen</translation>
    </message>
    <message>
        <source>Might be a name: remove {0}</source>
        <translation>Könnte ein Name sein: {0} entfernen</translation>
    </message>
    <message>
        <source>Save the feedback file</source>
        <translation>Rückmeldedatei speichern</translation>
    </message>
    <message>
        <source>Feedback files (*.mpfb)</source>
        <translation>Rückmeldedateien (*.mpfb)</translation>
    </message>
    <message>
        <source>The file was not saved</source>
        <translation>Die Datei wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved as {0}.

Send this file to {1}, the collector of {2}, any way you like: e-mail is fine. {1} can see that you sent a file but cannot read it. They pass files to the coordinator only in batches of at least {3} people, renamed and mixed, so the coordinator can read your answers but cannot tell they are yours. You cannot open the file again yourself. If you change your mind about an answer, send feedback again: only your newest file counts.</source>
        <translation>Gespeichert als {0}.

Schicken Sie diese Datei auf beliebigem Weg an {1}, die Vertrauensperson von {2}; E-Mail ist in Ordnung. {1} sieht, dass Sie eine Datei geschickt haben, kann sie aber nicht lesen. Dateien gehen an die Koordination nur in Stapeln von mindestens {3} Personen, umbenannt und gemischt: Die Koordination kann Ihre Antworten lesen, aber nicht erkennen, dass sie von Ihnen sind. Sie selbst können die Datei nicht wieder öffnen. Wenn Sie eine Antwort ändern möchten, senden Sie erneut: Nur Ihre neueste Datei zählt.</translation>
    </message>
    <message>
        <source>Saved as {0}.

This scheme has no collector, so how you send the file decides who knows it is yours. If you e-mail this file, the coordinator can see it came from you. The file itself does not say who sent it, and only the coordinator can open it; you cannot open it again yourself.</source>
        <translation>Gespeichert als {0}.

Dieses Programm hat keine Vertrauensperson; wie Sie die Datei schicken, entscheidet also, wer weiß, dass sie von Ihnen ist. Wenn Sie diese Datei per E-Mail schicken, sieht die Koordination, dass sie von Ihnen kommt. Die Datei selbst sagt nicht, wer sie geschickt hat, und nur die Koordination kann sie öffnen; Sie selbst können sie nicht wieder öffnen.</translation>
    </message>
    <message>
        <source>The scheme names a shared folder for feedback: {0}. Putting the file there hides who sent it only from people who cannot see who saved files in that folder; ask the coordinator who can.</source>
        <translation>Das Programm nennt einen gemeinsamen Ordner für Rückmeldungen: {0}. Eine Datei dort verbirgt den Absender nur vor denen, die nicht sehen können, wer in diesem Ordner Dateien gespeichert hat; fragen Sie die Koordination, wer das sehen kann.</translation>
    </message>
    <message>
        <source>Your feedback is ready to send</source>
        <translation>Ihre Rückmeldung ist bereit zum Senden</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>FeedbackPreview</name>
    <message>
        <source>no meetings</source>
        <translation>keine Treffen</translation>
    </message>
    <message>
        <source>1 to 2 meetings</source>
        <translation>1 bis 2 Treffen</translation>
    </message>
    <message>
        <source>3 to 5 meetings</source>
        <translation>3 bis 5 Treffen</translation>
    </message>
    <message>
        <source>6 or more meetings</source>
        <translation>6 oder mehr Treffen</translation>
    </message>
    <message>
        <source>up to 3 months</source>
        <translation>bis zu 3 Monate</translation>
    </message>
    <message>
        <source>4 to 6 months</source>
        <translation>4 bis 6 Monate</translation>
    </message>
    <message>
        <source>7 to 12 months</source>
        <translation>7 bis 12 Monate</translation>
    </message>
    <message>
        <source>13 to 24 months</source>
        <translation>13 bis 24 Monate</translation>
    </message>
    <message>
        <source>more than 2 years</source>
        <translation>mehr als 2 Jahre</translation>
    </message>
    <message>
        <source>mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>mentee</source>
        <translation>Mentee</translation>
    </message>
    <message>
        <source>none (no meetings yet)</source>
        <translation>keine (noch keine Treffen)</translation>
    </message>
    <message>
        <source>Scores are shown to the coordinator only for groups of at least {0} people; comments only when at least {1} people commented.</source>
        <translation>Die Koordination sieht Bewertungen nur für Gruppen von mindestens {0} Personen, Kommentare nur, wenn mindestens {1} Personen kommentiert haben.</translation>
    </message>
    <message>
        <source>The file is sealed twice: {0}, the collector, can see only that it is feedback for this period, and passes it on in a batch of at least {1} people; only the coordinator of {2} can then open it. It will contain exactly this:</source>
        <translation>Die Datei wird doppelt versiegelt: {0}, die Vertrauensperson, sieht nur, dass es eine Rückmeldung für diesen Zeitraum ist, und gibt sie in einem Stapel von mindestens {1} Personen weiter; erst dann kann nur die Koordination von {2} sie öffnen. Sie enthält genau dies:</translation>
    </message>
    <message>
        <source>The file is sealed so that only the coordinator of {0} can open it. It will contain exactly this:</source>
        <translation>Die Datei wird so versiegelt, dass nur die Koordination von {0} sie öffnen kann. Sie enthält genau dies:</translation>
    </message>
    <message>
        <source>Your written comments travel apart from your other answers, under a separate code, and reach the coordinator only in batches of at least {0} people.</source>
        <translation>Ihre geschriebenen Kommentare reisen getrennt von Ihren übrigen Antworten, unter einem eigenen Code, und erreichen die Koordination nur in Stapeln von mindestens {0} Personen.</translation>
    </message>
    <message>
        <source>Scheme: {0}</source>
        <translation>Programm: {0}</translation>
    </message>
    <message>
        <source>Period: {0}</source>
        <translation>Zeitraum: {0}</translation>
    </message>
    <message>
        <source>Your answers:</source>
        <translation>Ihre Antworten:</translation>
    </message>
    <message>
        <source>    (none)</source>
        <translation>    (keine)</translation>
    </message>
    <message>
        <source>1 question left unanswered: nothing is sent for it.</source>
        <translation>1 Frage unbeantwortet: Dafür wird nichts gesendet.</translation>
    </message>
    <message>
        <source>{0} questions left unanswered: nothing is sent for them.</source>
        <translation>{0} Fragen unbeantwortet: Dafür wird nichts gesendet.</translation>
    </message>
    <message>
        <source>A code that lets the scheme count you once per pair if you send feedback again for this period. It is made from a secret kept in your vault; it does not say who you are:</source>
        <translation>Ein Code, mit dem das Programm Sie je Paar nur einmal zählt, wenn Sie für diesen Zeitraum erneut Rückmeldung geben. Er entsteht aus einem Geheimnis in Ihrem Tresor und verrät nicht, wer Sie sind:</translation>
    </message>
    <message>
        <source>This is your first feedback for this period.</source>
        <translation>Das ist Ihre erste Rückmeldung für diesen Zeitraum.</translation>
    </message>
    <message>
        <source>This is feedback number {0} from you for this period; only the newest counts.</source>
        <translation>Das ist Ihre {0}. Rückmeldung für diesen Zeitraum; nur die neueste zählt.</translation>
    </message>
    <message>
        <source>Nothing else: no notes, agenda, goals or actions, no dates or times of your meetings, and nothing about this computer or this app. Text marked [removed] was taken out because it looked like a name, contact detail, number or date. The app finds the names it knows and names after a title such as Dr; it cannot find every name or detail that could point to someone, so read your words above once more.</source>
        <translation>Sonst nichts: keine Notizen, Tagesordnung, Ziele oder Aufgaben, keine Daten oder Uhrzeiten Ihrer Treffen und nichts über diesen Computer oder diese App. Mit [removed] markierter Text wurde entfernt, weil er wie ein Name, eine Kontaktangabe, eine Nummer oder ein Datum aussah. Die App findet die Namen, die sie kennt, und Namen nach einem Titel wie Dr; sie kann nicht jeden Namen und jedes Detail finden, das auf jemanden hinweisen könnte. Lesen Sie Ihre Worte oben deshalb noch einmal.</translation>
    </message>
    <message>
        <source>Facts you agreed to add:</source>
        <translation>Angaben, denen Sie zugestimmt haben:</translation>
    </message>
    <message>
        <source>Your role: {0}</source>
        <translation>Ihre Rolle: {0}</translation>
    </message>
    <message>
        <source>Meetings in this period: {0}</source>
        <translation>Treffen in diesem Zeitraum: {0}</translation>
    </message>
    <message>
        <source>How you met: {0}</source>
        <translation>Wie Sie sich getroffen haben: {0}</translation>
    </message>
    <message>
        <source>How long you have been a pair: {0}</source>
        <translation>Wie lange Sie schon ein Tandem sind: {0}</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Invitation to give feedback</source>
        <translation>Einladung zur Rückmeldung</translation>
    </message>
    <message>
        <source>&amp;Answer now…</source>
        <translation>Jetzt &amp;antworten…</translation>
    </message>
    <message>
        <source>Answer the scheme&apos;s questions now</source>
        <translation>Die Fragen des Programms jetzt beantworten</translation>
    </message>
    <message>
        <source>&amp;Not this time</source>
        <translation>&amp;Diesmal nicht</translation>
    </message>
    <message>
        <source>Dismiss the invitation</source>
        <translation>Die Einladung ablehnen</translation>
    </message>
    <message>
        <source>Feedback to your mentoring scheme</source>
        <translation>Rückmeldung an Ihr Mentoring-Programm</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>About this scheme</source>
        <translation>Über dieses Programm</translation>
    </message>
    <message>
        <source>Answer the &amp;questions…</source>
        <translation>Die &amp;Fragen beantworten…</translation>
    </message>
    <message>
        <source>Answer the scheme&apos;s questions</source>
        <translation>Die Fragen des Programms beantworten</translation>
    </message>
    <message>
        <source>&amp;Import a scheme file…</source>
        <translation>Programmdatei &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a scheme file</source>
        <translation>Eine Programmdatei importieren</translation>
    </message>
    <message>
        <source>Names never to send</source>
        <translation>Namen, die nie gesendet werden</translation>
    </message>
    <message>
        <source>Your name and your partner&apos;s are always taken out of what you write. Add anyone else who might come up: colleagues, patients, places. This list is used for every pair.</source>
        <translation>Ihr Name und der Ihres Gegenübers werden immer aus Ihrem Text entfernt. Fügen Sie alle anderen hinzu, die vorkommen könnten: Kolleginnen und Kollegen, Patientinnen und Patienten, Orte. Diese Liste gilt für alle Tandems.</translation>
    </message>
    <message>
        <source>Name to add</source>
        <translation>Hinzuzufügender Name</translation>
    </message>
    <message>
        <source>A name, e.g. Dr Helen Marsh</source>
        <translation>Ein Name, z. B. Dr. Helen Marsh</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the name</source>
        <translation>Den Namen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected name</source>
        <translation>Den ausgewählten Namen entfernen</translation>
    </message>
    <message>
        <source>No scheme yet</source>
        <translation>Noch kein Programm</translation>
    </message>
    <message>
        <source>If your scheme&apos;s coordinator sent you a scheme file (ending in .mpscheme), import it here. You will then be invited to answer a few questions when the scheme collects feedback. Answering is voluntary.</source>
        <translation>Wenn die Koordination Ihres Programms Ihnen eine Programmdatei (Endung .mpscheme) geschickt hat, importieren Sie sie hier. Sie werden dann eingeladen, ein paar Fragen zu beantworten, wenn das Programm Rückmeldungen sammelt. Die Antwort ist freiwillig.</translation>
    </message>
    <message>
        <source>Coordinator&apos;s key code: {0}. If in doubt, ask the coordinator to read it to you.
Periods: {1}.
{2}</source>
        <translation>Schlüsselcode der Koordination: {0}. Lassen Sie ihn sich im Zweifel von der Koordination vorlesen.
Zeiträume: {1}.
{2}</translation>
    </message>
    <message>
        <source>Feedback goes to {0}, who passes it to the coordinator only in batches.</source>
        <translation>Rückmeldungen gehen an {0}, die sie nur gebündelt an die Koordination weitergibt.</translation>
    </message>
    <message>
        <source>This scheme has no collector: if you e-mail your feedback file to the coordinator, they can see it came from you.</source>
        <translation>Dieses Programm hat keine Vertrauensperson: Wenn Sie Ihre Rückmeldedatei per E-Mail an die Koordination schicken, sieht sie, dass sie von Ihnen kommt.</translation>
    </message>
    <message>
        <source>The scheme is not collecting feedback today.</source>
        <translation>Das Programm sammelt heute keine Rückmeldungen.</translation>
    </message>
    <message>
        <source>Open for answers until {0}. You have not answered yet.</source>
        <translation>Antworten möglich bis {0}. Sie haben noch nicht geantwortet.</translation>
    </message>
    <message>
        <source>Open until {0}. You saved feedback on {1}; you may send it again, and only your newest counts.</source>
        <translation>Offen bis {0}. Sie haben am {1} eine Rückmeldung gespeichert; Sie können erneut senden, und nur die neueste zählt.</translation>
    </message>
    <message>
        <source>{0} asks for feedback until {1}. It takes a few minutes, and it&apos;s voluntary.</source>
        <translation>{0} bittet bis {1} um Rückmeldung. Es dauert ein paar Minuten und ist freiwillig.</translation>
    </message>
    <message>
        <source>Scheme files (*.mpscheme)</source>
        <translation>Programmdateien (*.mpscheme)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Nicht hinzugefügt</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>Still busy with the last update; try again in a moment.</source>
        <translation>Die letzte Aktualisierung läuft noch; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Invite {0} first: your copies are not connected yet.</source>
        <translation>Laden Sie zuerst {0} ein: Ihre beiden Kopien sind noch nicht verbunden.</translation>
    </message>
    <message>
        <source>Save the update for {0}</source>
        <translation>Aktualisierung für {0} speichern</translation>
    </message>
    <message>
        <source>mentorpair updates (*.mpu);;All files (*)</source>
        <translation>mentorpair-Aktualisierungen (*.mpu);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving the update…</source>
        <translation>Aktualisierung wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved {0} for {1} in {2}. Send this file to them.</source>
        <translation>{0} für {1} in {2} gespeichert. Senden Sie diese Datei nun ab.</translation>
    </message>
    <message>
        <source>Saved {0}. It has no new changes, only what you received so far. Send it to {1} anyway.</source>
        <translation>{0} gespeichert. Sie enthält keine neuen Änderungen, nur was Sie bisher empfangen haben. Senden Sie sie trotzdem an {1}.</translation>
    </message>
    <message>
        <source>Open an update from {0}</source>
        <translation>Eine Aktualisierung von {0} öffnen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Checking and importing the update…</source>
        <translation>Die Aktualisierung wird geprüft und importiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Den Import abbrechen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>Import abgebrochen. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Ziel bearbeiten</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>For example: Lead a quality-improvement project</source>
        <translation>Zum Beispiel: Ein Qualitätsverbesserungsprojekt leiten</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Why this matters to you, and what success would look like.</source>
        <translation>Warum Ihnen das wichtig ist und woran Sie Erfolg erkennen würden.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <source>Edit categories…</source>
        <translation>Kategorien bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Has a target date</source>
        <translation>&amp;Zieldatum festlegen</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress slider</source>
        <translation>Schieberegler für den Fortschritt</translation>
    </message>
    <message>
        <source>Progress in percent</source>
        <translation>Fortschritt in Prozent</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Zieldatum:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>&amp;Fortschritt:</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>{0} percent done</source>
        <translation>{0} Prozent erreicht</translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Ne&amp;w goal…</source>
        <translation>Neue&amp;s Ziel…</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Write down a new goal (Ctrl+N)</source>
        <translation>Ein neues Ziel festhalten (Strg+N)</translation>
    </message>
    <message>
        <source>Ed&amp;it goal…</source>
        <translation>Ziel &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Ziel bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Show dropped and achieved</source>
        <translation>Aufgegebene und erreichte anzei&amp;gen</translation>
    </message>
    <message>
        <source>Show dropped and achieved goals</source>
        <translation>Aufgegebene und erreichte Ziele anzeigen</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Goal columns</source>
        <translation>Spalten der Ziele</translation>
    </message>
    <message>
        <source>Goal rows</source>
        <translation>Zeilen der Ziele</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Add mi&amp;lestone…</source>
        <translation>&amp;Meilenstein hinzufügen…</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>Meilenstein hinzufügen</translation>
    </message>
    <message>
        <source>History of this goal</source>
        <translation>Verlauf dieses Ziels</translation>
    </message>
    <message>
        <source>History columns</source>
        <translation>Spalten des Verlaufs</translation>
    </message>
    <message>
        <source>History rows</source>
        <translation>Zeilen des Verlaufs</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>My reflections on this goal</source>
        <translation>Meine Reflexionen zu diesem Ziel</translation>
    </message>
    <message>
        <source>Private — only you can see this. Your mentee never does.</source>
        <translation>Privat – nur Sie sehen das. Ihr Mentee sieht es nie.</translation>
    </message>
    <message>
        <source>No reflections on this goal yet. Add one to note what you notice and how you might help.</source>
        <translation>Noch keine Reflexionen zu diesem Ziel. Halten Sie fest, was Ihnen auffällt und wie Sie helfen könnten.</translation>
    </message>
    <message>
        <source>Add &amp;reflection…</source>
        <translation>&amp;Reflexion hinzufügen…</translation>
    </message>
    <message>
        <source>Add reflection</source>
        <translation>Reflexion hinzufügen</translation>
    </message>
    <message>
        <source>E&amp;dit reflection…</source>
        <translation>Reflexion b&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Edit reflection</source>
        <translation>Reflexion bearbeiten</translation>
    </message>
    <message>
        <source>This relationship has ended; its goals are kept read-only.</source>
        <translation>Dieses Tandem ist beendet; seine Ziele bleiben schreibgeschützt erhalten.</translation>
    </message>
    <message>
        <source>Your goals. Only you can change them; your mentor sees them read-only.</source>
        <translation>Ihre Ziele. Nur Sie können sie ändern; Ihr Mentor sieht sie schreibgeschützt.</translation>
    </message>
    <message>
        <source>Your mentee&apos;s goals: only they can change them.</source>
        <translation>Die Ziele Ihres Mentees: Nur Ihr Mentee kann sie ändern.</translation>
    </message>
    <message>
        <source>No goals yet.

Press New goal (Ctrl+N) to write down what you want from mentoring — a skill, a career step, a project — and how you will know you got there.</source>
        <translation>Noch keine Ziele.

Wählen Sie „Neues Ziel“ (Strg+N) und halten Sie fest, was Sie sich vom Mentoring wünschen – eine Fähigkeit, einen Karriereschritt, ein Projekt – und woran Sie erkennen, dass Sie es erreicht haben.</translation>
    </message>
    <message>
        <source>There were no goals in this relationship.</source>
        <translation>In diesem Tandem gab es keine Ziele.</translation>
    </message>
    <message>
        <source>Your mentee has not shared any goals yet.

Their goals appear here, read-only, once they write them down.</source>
        <translation>Ihr Mentee hat noch keine Ziele geteilt.

Die Ziele erscheinen hier schreibgeschützt, sobald Ihr Mentee sie festhält.</translation>
    </message>
    <message>
        <source>1 achieved or dropped goal is hidden: tick “Show dropped and achieved”.</source>
        <translation>1 erreichtes oder aufgegebenes Ziel ist ausgeblendet: Setzen Sie das Häkchen bei „Aufgegebene und erreichte anzeigen“.</translation>
    </message>
    <message>
        <source>{0} achieved or dropped goals are hidden: tick “Show dropped and achieved”.</source>
        <translation>{0} erreichte oder aufgegebene Ziele sind ausgeblendet: Setzen Sie das Häkchen bei „Aufgegebene und erreichte anzeigen“.</translation>
    </message>
    <message>
        <source>Select a goal to see its milestones and history.</source>
        <translation>Wählen Sie ein Ziel, um seine Meilensteine und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>{0} % done</source>
        <translation>{0} % erreicht</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>Zieldatum {0}</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>No milestones yet: add the steps that lead to this goal.</source>
        <translation>Noch keine Meilensteine: Fügen Sie die Schritte hinzu, die zu diesem Ziel führen.</translation>
    </message>
    <message>
        <source>No milestones yet.</source>
        <translation>Noch keine Meilensteine.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
</context>
<context>
    <name>HomePanel</name>
    <message>
        <source>Greeting</source>
        <extracomment>A pair with more stored changes than this is folded on a pool thread (about a tenth of a second of folding on the UI thread at this size).</extracomment>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Your vault</source>
        <translation>Ihr Tresor</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite {0}</source>
        <translation>{0} einladen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Send this invitation to {0}&lt;/b&gt; by e-mail, a message, or any way you like. It holds no notes: only your name, your role and the keys that let your copies talk privately.</source>
        <translation>&lt;b&gt;Senden Sie diese Einladung an {0}&lt;/b&gt;, per E-Mail, als Nachricht oder auf jedem anderen Weg. Sie enthält keine Notizen: nur Ihren Namen, Ihre Rolle und die Schlüssel, mit denen Ihre Kopien vertraulich miteinander sprechen.</translation>
    </message>
    <message>
        <source>Invitation text</source>
        <translation>Text der Einladung</translation>
    </message>
    <message>
        <source>Next: {0} opens it in their mentorpair (File ▸ Join a pair from an invitation) and sends you an answer. Import it with &lt;b&gt;Import answer…&lt;/b&gt; in the Partner tab. Then you compare a safety code together. Making a new invitation replaces this one.</source>
        <translation>Danach öffnet {0} sie im eigenen mentorpair (Datei ▸ Einem Tandem per Einladung beitreten) und schickt Ihnen eine Antwort. Importieren Sie diese mit &lt;b&gt;Antwort importieren…&lt;/b&gt; im Reiter „Gegenüber“. Dann vergleichen Sie gemeinsam einen Sicherheitscode. Eine neue Einladung ersetzt diese.</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Import your partner&apos;s answer</source>
        <translation>Die Antwort Ihres Gegenübers importieren</translation>
    </message>
    <message>
        <source>Join a pair</source>
        <translation>Einem Tandem beitreten</translation>
    </message>
    <message>
        <source>Paste the answer your partner sent you, from the BEGIN line to the END line, or open the file they sent.</source>
        <translation>Fügen Sie die Antwort ein, die Ihr Gegenüber Ihnen geschickt hat, von der BEGIN-Zeile bis zur END-Zeile, oder öffnen Sie die geschickte Datei.</translation>
    </message>
    <message>
        <source>Paste the invitation your partner sent you, from the BEGIN line to the END line, or open the file they sent. An answer to your own invitation works here too.</source>
        <translation>Fügen Sie die Einladung ein, die Ihr Gegenüber Ihnen geschickt hat, von der BEGIN-Zeile bis zur END-Zeile, oder öffnen Sie die geschickte Datei. Eine Antwort auf Ihre eigene Einladung funktioniert hier auch.</translation>
    </message>
    <message>
        <source>Invitation or answer text</source>
        <translation>Text der Einladung oder Antwort</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Eine Datei öffnen</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Your partner&apos;s name</source>
        <translation>Name Ihres Gegenübers</translation>
    </message>
    <message>
        <source>Their &amp;name in your list of pairs</source>
        <translation>&amp;Name in Ihrer Liste der Tandems</translation>
    </message>
    <message>
        <source>Join only if you expected this invitation from them. Next you will see a short safety code to compare with them, so you both know the invitation was not swapped on the way.</source>
        <translation>Treten Sie nur bei, wenn Sie diese Einladung von dieser Person erwartet haben. Danach sehen Sie einen kurzen Sicherheitscode, den Sie miteinander vergleichen, damit Sie beide wissen, dass die Einladung unterwegs nicht ausgetauscht wurde.</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>Text der Antwort</translation>
    </message>
    <message>
        <source>&lt;b&gt;Safety code.&lt;/b&gt; Read it to each other face to face or by phone. If it matches, click &lt;b&gt;It matches&lt;/b&gt; in the pair&apos;s Partner tab.</source>
        <translation>&lt;b&gt;Sicherheitscode.&lt;/b&gt; Lesen Sie ihn einander persönlich oder am Telefon vor. Wenn er übereinstimmt, klicken Sie im Reiter „Gegenüber“ des Tandems auf &lt;b&gt;Stimmt überein&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Open the pair</source>
        <translation>Das Tandem ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the pair</source>
        <translation>Das Tandem öffnen</translation>
    </message>
    <message>
        <source>Open an invitation or answer</source>
        <translation>Eine Einladung oder Antwort öffnen</translation>
    </message>
    <message>
        <source>mentorpair invitations (*{0});;All files (*)</source>
        <translation>mentorpair-Einladungen (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{0} invites you to be their mentee.</source>
        <translation>{0} lädt Sie ein, Mentee zu sein.</translation>
    </message>
    <message>
        <source>{0} invites you to be their mentor.</source>
        <translation>{0} lädt Sie ein, Mentor zu sein.</translation>
    </message>
    <message>
        <source>{0} answered your invitation.</source>
        <translation>{0} hat Ihre Einladung beantwortet.</translation>
    </message>
    <message>
        <source>Connect to start sharing with them. Then compare the safety code together before you rely on it.</source>
        <translation>Verbinden Sie sich, um mit dem Teilen zu beginnen. Vergleichen Sie dann gemeinsam den Sicherheitscode, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>Your partner&apos;s keys changed</source>
        <translation>Die Schlüssel Ihres Gegenübers haben sich geändert</translation>
    </message>
    <message>
        <source>These keys differ from the ones your partner used before. Only continue if your partner told you they set up mentorpair again; then compare the new safety code with them. Continue?</source>
        <translation>Diese Schlüssel unterscheiden sich von denen, die Ihr Gegenüber bisher verwendet hat. Fahren Sie nur fort, wenn Ihr Gegenüber Ihnen gesagt hat, dass mentorpair neu eingerichtet wurde; vergleichen Sie dann den neuen Sicherheitscode miteinander. Fortfahren?</translation>
    </message>
    <message>
        <source>Not joined</source>
        <translation>Nicht beigetreten</translation>
    </message>
    <message>
        <source>You joined. Now send your answer back.</source>
        <translation>Sie sind beigetreten. Schicken Sie jetzt Ihre Antwort zurück.</translation>
    </message>
    <message>
        <source>Send this answer to {0} by e-mail, a message, or any way you like. They import it in the pair&apos;s Partner tab.</source>
        <translation>Senden Sie diese Antwort an {0}, per E-Mail, als Nachricht oder auf jedem anderen Weg. Dort wird sie im Reiter „Gegenüber“ des Tandems importiert.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
</context>
<context>
    <name>KindBanner</name>
    <message>
        <source>Who can read this note</source>
        <translation>Wer diese Notiz lesen kann</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>Ihr Gegenüber</translation>
    </message>
    <message>
        <source>{0} can read and change this note too.</source>
        <translation>{0} kann diese Notiz ebenfalls lesen und ändern.</translation>
    </message>
    <message>
        <source>Only you can read this note. It never leaves this computer, and {0} never sees it.</source>
        <translation>Nur Sie können diese Notiz lesen. Sie verlässt nie diesen Computer, und {0} sieht sie nie.</translation>
    </message>
    <message>
        <source>Your private reflection as mentor. It never leaves this computer, and {0} never sees it.</source>
        <translation>Ihre private Reflexion als Mentor. Sie verlässt nie diesen Computer, und {0} sieht sie nie.</translation>
    </message>
    <message>
        <source>Two people: shared</source>
        <translation>Zwei Personen: geteilt</translation>
    </message>
    <message>
        <source>Padlock: only you</source>
        <translation>Vorhängeschloss: nur Sie</translation>
    </message>
</context>
<context>
    <name>LinkCodeView</name>
    <message>
        <source>Link code</source>
        <translation>Verbindungscode</translation>
    </message>
</context>
<context>
    <name>LinkComputerDialog</name>
    <message>
        <source>Link another computer</source>
        <translation>Weiteren Computer verbinden</translation>
    </message>
    <message>
        <source>Your other computer gets your pairs and all your notes, private ones included, once you have checked that both screens show the same code.</source>
        <translation>Ihr anderer Computer erhält Ihre Tandems und alle Ihre Notizen, auch die privaten, sobald Sie geprüft haben, dass beide Bildschirme denselben Code zeigen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;1.&lt;/b&gt; On the new computer, start mentorpair and choose &lt;b&gt;I already use mentorpair on another computer&lt;/b&gt;. Give it this link: copy it, or save it as a file. It works for one hour.</source>
        <translation>&lt;b&gt;1.&lt;/b&gt; Starten Sie mentorpair auf dem neuen Computer und wählen Sie &lt;b&gt;Ich nutze mentorpair bereits auf einem anderen Computer&lt;/b&gt;. Geben Sie ihm diese Verbindung: Kopieren Sie sie oder speichern Sie sie als Datei. Sie gilt eine Stunde.</translation>
    </message>
    <message>
        <source>Link text</source>
        <translation>Verbindungstext</translation>
    </message>
    <message>
        <source>Saved. Open it on your new computer.</source>
        <translation>Gespeichert. Öffnen Sie sie auf Ihrem neuen Computer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2.&lt;/b&gt; The new computer then shows an answer. Paste it here, or open the file it saved.</source>
        <translation>&lt;b&gt;2.&lt;/b&gt; Der neue Computer zeigt dann eine Antwort. Fügen Sie sie hier ein oder öffnen Sie die Datei, die er gespeichert hat.</translation>
    </message>
    <message>
        <source>Answer from your new computer</source>
        <translation>Antwort Ihres neuen Computers</translation>
    </message>
    <message>
        <source>&amp;Open the answer file…</source>
        <translation>Antwort&amp;datei öffnen…</translation>
    </message>
    <message>
        <source>Open the answer file</source>
        <translation>Antwortdatei öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Con&amp;tinue</source>
        <translation>Wei&amp;ter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Compare the codes</source>
        <translation>Vergleichen Sie die Codes</translation>
    </message>
    <message>
        <source>Your new computer shows a code too. Check that all twenty digits are the same on both screens.</source>
        <translation>Ihr neuer Computer zeigt ebenfalls einen Code. Prüfen Sie, dass alle zwanzig Ziffern auf beiden Bildschirmen gleich sind.</translation>
    </message>
    <message>
        <source>If even one digit differs, someone else may have answered your link: choose &lt;b&gt;They do not match&lt;/b&gt; and nothing is sent.</source>
        <translation>Weicht auch nur eine Ziffer ab, hat vielleicht jemand anderes auf Ihre Verbindung geantwortet: Wählen Sie &lt;b&gt;Sie stimmen nicht überein&lt;/b&gt;, dann wird nichts gesendet.</translation>
    </message>
    <message>
        <source>They do &amp;not match</source>
        <translation>Sie stimmen &amp;nicht überein</translation>
    </message>
    <message>
        <source>They do not match</source>
        <translation>Sie stimmen nicht überein</translation>
    </message>
    <message>
        <source>The codes &amp;match</source>
        <translation>Die Codes stimmen über&amp;ein</translation>
    </message>
    <message>
        <source>The codes match</source>
        <translation>Die Codes stimmen überein</translation>
    </message>
    <message>
        <source>The computers were not linked</source>
        <translation>Die Computer wurden nicht verbunden</translation>
    </message>
    <message>
        <source>Why linking stopped</source>
        <translation>Warum das Verbinden abgebrochen wurde</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Neu &amp;beginnen</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Save the link file</source>
        <translation>Verbindungsdatei speichern</translation>
    </message>
    <message>
        <source>The codes match. Save the link file and take it to your new computer, for example on a USB stick or through your own cloud storage. It holds your keys and all your notes, encrypted so that only your new computer can open it.</source>
        <translation>Die Codes stimmen überein. Speichern Sie die Verbindungsdatei und bringen Sie sie zu Ihrem neuen Computer, zum Beispiel auf einem USB-Stick oder über Ihren eigenen Cloud-Speicher. Sie enthält Ihre Schlüssel und alle Ihre Notizen, so verschlüsselt, dass nur Ihr neuer Computer sie öffnen kann.</translation>
    </message>
    <message>
        <source>Preparing the link file…</source>
        <translation>Verbindungsdatei wird vorbereitet…</translation>
    </message>
    <message>
        <source>Link file</source>
        <translation>Verbindungsdatei</translation>
    </message>
    <message>
        <source>Save the link &amp;file…</source>
        <translation>Verbindungs&amp;datei speichern…</translation>
    </message>
    <message>
        <source>The link file is saved</source>
        <translation>Die Verbindungsdatei ist gespeichert</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The codes did not match, so nothing was sent. Perhaps someone else answered your link. Start again, and take the new link to your new computer yourself.</source>
        <translation>Die Codes stimmten nicht überein, deshalb wurde nichts gesendet. Vielleicht hat jemand anderes auf Ihre Verbindung geantwortet. Beginnen Sie neu und bringen Sie die neue Verbindung selbst zu Ihrem neuen Computer.</translation>
    </message>
    <message>
        <source>The link file is ready to save.</source>
        <translation>Die Verbindungsdatei ist bereit zum Speichern.</translation>
    </message>
    <message>
        <source>mentorpair link files (*{0});;All files (*)</source>
        <translation>mentorpair-Verbindungsdateien (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not saved yet. Choose Save the link file when you are ready.</source>
        <translation>Noch nicht gespeichert. Wählen Sie „Verbindungsdatei speichern“, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <source>Saving the link file…</source>
        <translation>Verbindungsdatei wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved as {0}.&lt;br&gt;&lt;br&gt;On your new computer, choose &lt;b&gt;Open the link file…&lt;/b&gt; and pick this file, then choose a passphrase for that computer. Delete the file once your new computer has opened it.</source>
        <translation>Gespeichert als {0}.&lt;br&gt;&lt;br&gt;Wählen Sie auf Ihrem neuen Computer &lt;b&gt;Verbindungsdatei öffnen…&lt;/b&gt; und diese Datei, dann eine Passphrase für diesen Computer. Löschen Sie die Datei, sobald Ihr neuer Computer sie geöffnet hat.</translation>
    </message>
</context>
<context>
    <name>LinkTextBlock</name>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Save as file</source>
        <translation>Als Datei speichern</translation>
    </message>
    <message>
        <source>mentorpair links (*{0});;All files (*)</source>
        <translation>mentorpair-Verbindungen (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>LinkThisComputerPage</name>
    <message>
        <source>Link this computer</source>
        <translation>Diesen Computer verbinden</translation>
    </message>
    <message>
        <source>On the computer you already use, choose &lt;b&gt;File ▸ Link another computer…&lt;/b&gt;. It shows a link: paste it here, or open the file you saved it in.</source>
        <translation>Wählen Sie auf dem Computer, den Sie schon nutzen, &lt;b&gt;Datei ▸ Weiteren Computer verbinden…&lt;/b&gt;. Er zeigt eine Verbindung: Fügen Sie sie hier ein oder öffnen Sie die Datei, in der Sie sie gespeichert haben.</translation>
    </message>
    <message>
        <source>Link from your other computer</source>
        <translation>Verbindung von Ihrem anderen Computer</translation>
    </message>
    <message>
        <source>&amp;Open the link…</source>
        <translation>Verbindung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>Verbindung öffnen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Con&amp;tinue</source>
        <translation>Wei&amp;ter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>&lt;b&gt;1.&lt;/b&gt; Take this answer back to your other computer: copy it, or save it as a file, and paste or open it there.</source>
        <translation>&lt;b&gt;1.&lt;/b&gt; Bringen Sie diese Antwort zu Ihrem anderen Computer: Kopieren Sie sie oder speichern Sie sie als Datei, und fügen Sie sie dort ein oder öffnen Sie sie dort.</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <source>Saved. Open it on your other computer.</source>
        <translation>Gespeichert. Öffnen Sie sie auf Ihrem anderen Computer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2.&lt;/b&gt; Your other computer then shows a code. Check that all twenty digits are the same as here:</source>
        <translation>&lt;b&gt;2.&lt;/b&gt; Ihr anderer Computer zeigt dann einen Code. Prüfen Sie, dass alle zwanzig Ziffern mit diesen übereinstimmen:</translation>
    </message>
    <message>
        <source>&lt;b&gt;3.&lt;/b&gt; Once you confirmed the codes there, your other computer saves a link file. Bring it here and open it.</source>
        <translation>&lt;b&gt;3.&lt;/b&gt; Sobald Sie die Codes dort bestätigt haben, speichert Ihr anderer Computer eine Verbindungsdatei. Bringen Sie sie hierher und öffnen Sie sie.</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Neu &amp;beginnen</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Open the link &amp;file…</source>
        <translation>Verbindungs&amp;datei öffnen…</translation>
    </message>
    <message>
        <source>Open the link file</source>
        <translation>Verbindungsdatei öffnen</translation>
    </message>
    <message>
        <source>Choose a passphrase for this computer</source>
        <translation>Wählen Sie eine Passphrase für diesen Computer</translation>
    </message>
    <message>
        <source>It locks mentorpair on this computer. It may differ from the one on your other computer.</source>
        <translation>Sie sperrt mentorpair auf diesem Computer. Sie darf sich von der auf Ihrem anderen Computer unterscheiden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost passphrase cannot be recovered.&lt;/b&gt; Write it down and keep it somewhere safe.</source>
        <translation>&lt;b&gt;Eine verlorene Passphrase lässt sich nicht wiederherstellen.&lt;/b&gt; Schreiben Sie sie auf und bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Linking this computer…</source>
        <translation>Dieser Computer wird verbunden…</translation>
    </message>
    <message>
        <source>&amp;Link this computer</source>
        <translation>Diesen Computer &amp;verbinden</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Linking this computer to {0}’s mentorpair</source>
        <translation>Dieser Computer wird mit dem mentorpair von {0} verbunden</translation>
    </message>
    <message>
        <source>mentorpair link files (*{0});;All files (*)</source>
        <translation>mentorpair-Verbindungsdateien (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen sind nicht gleich.</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>mentorpair links (*{0});;All files (*)</source>
        <translation>mentorpair-Verbindungen (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Your first computer</source>
        <translation>Ihr erster Computer</translation>
    </message>
    <message>
        <source>Computer {0}</source>
        <translation>Computer {0}</translation>
    </message>
    <message>
        <source>{0} now also uses a second computer.</source>
        <translation>{0} nutzt jetzt auch einen zweiten Computer.</translation>
    </message>
    <message>
        <source>{0} now also uses another computer.</source>
        <translation>{0} nutzt jetzt auch einen weiteren Computer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <extracomment>The last Link another computer and Your computers dialogs opened (tests use them).</extracomment>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Close the vault until the passphrase is entered</source>
        <translation>Den Tresor schließen, bis die Passphrase eingegeben wird</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Back up vault…</source>
        <translation>Tresor si&amp;chern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Mentorpair</source>
        <translation>Ü&amp;ber Mentorpair</translation>
    </message>
    <message>
        <source>&amp;New pair…</source>
        <translation>&amp;Neues Tandem…</translation>
    </message>
    <message>
        <source>&amp;Join a pair from an invitation…</source>
        <translation>Einem Tandem per Einladung bei&amp;treten…</translation>
    </message>
    <message>
        <source>Lin&amp;k another computer…</source>
        <translation>Weiteren Computer ver&amp;binden…</translation>
    </message>
    <message>
        <source>Use mentorpair on another computer of yours, with all your pairs and notes</source>
        <translation>mentorpair auf einem weiteren eigenen Computer nutzen, mit allen Tandems und Notizen</translation>
    </message>
    <message>
        <source>&amp;Your computers…</source>
        <translation>&amp;Ihre Computer…</translation>
    </message>
    <message>
        <source>&amp;Export for partner…</source>
        <translation>Für Gegenüber e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import from partner…</source>
        <translation>Vom Gegenüber &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>See the &amp;other side (demo)</source>
        <translation>Die &amp;andere Seite ansehen (Demo)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Hide private notes and reflections while sharing your screen</source>
        <translation>Private Notizen und Reflexionen ausblenden, während Sie Ihren Bildschirm teilen</translation>
    </message>
    <message>
        <source>&amp;Show Mentorpair</source>
        <translation>Mentorpair &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Coordinator…</source>
        <translation>&amp;Koordination…</translation>
    </message>
    <message>
        <source>Make a feedback scheme or report on its feedback (no vault needed)</source>
        <translation>Ein Rückmeldeprogramm erstellen oder über seine Rückmeldungen berichten (kein Tresor nötig)</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Lock state</source>
        <translation>Sperrstatus</translation>
    </message>
    <message>
        <source>Presenter mode: private notes hidden</source>
        <translation>Präsentationsmodus: private Notizen ausgeblendet</translation>
    </message>
    <message>
        <source>Presenter mode</source>
        <translation>Präsentationsmodus</translation>
    </message>
    <message>
        <source>News about your partners</source>
        <translation>Neues von Ihren Tandems</translation>
    </message>
    <message>
        <source>Demo vault: deleted when you quit</source>
        <translation>Demo-Tresor: wird beim Beenden gelöscht</translation>
    </message>
    <message>
        <source>Tray menu</source>
        <translation>Menü im Infobereich</translation>
    </message>
    <message>
        <source>Unlocked · locks after {0} min without use</source>
        <translation>Entsperrt · sperrt sich nach {0} Min. ohne Nutzung</translation>
    </message>
    <message>
        <source>No vault yet</source>
        <translation>Noch kein Tresor</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>the mentor&apos;s</source>
        <translation>die Kopie des Mentors</translation>
    </message>
    <message>
        <source>the mentee&apos;s</source>
        <translation>die Kopie des Mentees</translation>
    </message>
    <message>
        <source>Now showing {0} copy of the pair, with their own private notes.</source>
        <translation>Angezeigt wird jetzt {0} im Tandem, mit den eigenen privaten Notizen.</translation>
    </message>
    <message>
        <source>Pair not created</source>
        <translation>Tandem nicht angelegt</translation>
    </message>
    <message>
        <source>Choose an empty folder for the backup</source>
        <translation>Wählen Sie einen leeren Ordner für die Sicherung</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>Sicherung nicht erstellt</translation>
    </message>
    <message>
        <source>Backup made. It opens with your current passphrase.</source>
        <translation>Sicherung erstellt. Sie öffnet sich mit Ihrer aktuellen Passphrase.</translation>
    </message>
    <message>
        <source>Mentorpair is locked and keeps running here for reminders.</source>
        <translation>Mentorpair ist gesperrt und läuft hier für Erinnerungen weiter.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Change meeting</source>
        <translation>Treffen ändern</translation>
    </message>
    <message>
        <source>Plan a meeting</source>
        <translation>Ein Treffen planen</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Dauer in Minuten</translation>
    </message>
    <message>
        <source>How you meet</source>
        <translation>Wie Sie sich treffen</translation>
    </message>
    <message>
        <source>Place or link</source>
        <translation>Ort oder Link</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>W&amp;ie:</translation>
    </message>
    <message>
        <source>&amp;Place or link:</source>
        <translation>&amp;Ort oder Link:</translation>
    </message>
    <message>
        <source>Room and building, e.g. Library meeting room 2</source>
        <translation>Raum und Gebäude, z. B. Bibliothek, Besprechungsraum 2</translation>
    </message>
    <message>
        <source>Who calls whom, or a number</source>
        <translation>Wer wen anruft, oder eine Nummer</translation>
    </message>
    <message>
        <source>The video link</source>
        <translation>Der Link zum Videogespräch</translation>
    </message>
    <message>
        <source>Optional: the email subject</source>
        <translation>Optional: der Betreff der E-Mail</translation>
    </message>
    <message>
        <source>This time is in the past: fine for recording a past meeting.</source>
        <translation>Dieser Zeitpunkt liegt in der Vergangenheit: passend, um ein vergangenes Treffen festzuhalten.</translation>
    </message>
    <message>
        <source>It overlaps the meeting on {0}.</source>
        <translation>Es überschneidet sich mit dem Treffen am {0}.</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <source>Happening now</source>
        <translation>Findet gerade statt</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nächstes Treffen</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>agenda shared</source>
        <translation>Agenda geteilt</translation>
    </message>
    <message>
        <source>1 agenda item, draft</source>
        <translation>1 Agendapunkt, Entwurf</translation>
    </message>
    <message>
        <source>{0} agenda items, draft</source>
        <translation>{0} Agendapunkte, Entwurf</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>{0}, {1}–{2}</source>
        <comment>date, start–end time</comment>
        <translation>{0}, {1}–{2} Uhr</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <comment>when · how</comment>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Meetings</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Ne&amp;w meeting…</source>
        <translation>Neue&amp;s Treffen…</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Neues Treffen</translation>
    </message>
    <message>
        <source>Plan a meeting (Ctrl+N)</source>
        <translation>Ein Treffen planen (Strg+N)</translation>
    </message>
    <message>
        <source>E&amp;dit meeting…</source>
        <translation>Treffen &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit meeting</source>
        <translation>Treffen bearbeiten</translation>
    </message>
    <message>
        <source>Cance&amp;l meeting…</source>
        <translation>Treffen absa&amp;gen…</translation>
    </message>
    <message>
        <source>Cancel meeting</source>
        <translation>Treffen absagen</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>In den &amp;Kalender exportieren…</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>In den Kalender exportieren</translation>
    </message>
    <message>
        <source>Save the meeting as a calendar (.ics) file</source>
        <translation>Das Treffen als Kalenderdatei (.ics) speichern</translation>
    </message>
    <message>
        <source>This relationship has ended: its meetings are kept read-only.</source>
        <translation>Dieses Tandem ist beendet: Seine Treffen bleiben schreibgeschützt erhalten.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No meetings yet.

Choose New meeting (Ctrl+N) to plan one. Either of you can plan meetings; the mentee then prepares the agenda.</source>
        <translation>Noch keine Treffen.

Wählen Sie „Neues Treffen“ (Strg+N), um eines zu planen. Sie beide können Treffen planen; der Mentee bereitet dann die Agenda vor.</translation>
    </message>
    <message>
        <source>No meetings were planned in this relationship.</source>
        <translation>In diesem Tandem wurden keine Treffen geplant.</translation>
    </message>
    <message>
        <source>Meeting planned.</source>
        <translation>Treffen geplant.</translation>
    </message>
    <message>
        <source>Meeting changed.</source>
        <translation>Treffen geändert.</translation>
    </message>
    <message>
        <source>Cancel the meeting on {0}?

It stays in the list, marked cancelled, with its agenda. This cannot be undone; plan a new meeting instead.</source>
        <translation>Das Treffen am {0} absagen?

Es bleibt mit seiner Agenda in der Liste, als abgesagt markiert. Das lässt sich nicht rückgängig machen; planen Sie stattdessen ein neues Treffen.</translation>
    </message>
    <message>
        <source>Meeting cancelled.</source>
        <translation>Treffen abgesagt.</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved {0}. Open it to add the meeting to your calendar.</source>
        <translation>{0} gespeichert. Öffnen Sie die Datei, um das Treffen in Ihren Kalender aufzunehmen.</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Add milestone</source>
        <translation>Meilenstein hinzufügen</translation>
    </message>
    <message>
        <source>A step towards “{0}”.</source>
        <translation>Ein Schritt hin zu „{0}“.</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>For example: Draft the project proposal</source>
        <translation>Zum Beispiel: Den Projektantrag entwerfen</translation>
    </message>
    <message>
        <source>Has a &amp;due date</source>
        <translation>&amp;Fällig bis</translation>
    </message>
    <message>
        <source>Milestone due date</source>
        <translation>Fälligkeitsdatum des Meilensteins</translation>
    </message>
    <message>
        <source>&amp;Milestone:</source>
        <translation>&amp;Meilenstein:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
</context>
<context>
    <name>MilestonesModel</name>
    <message>
        <source> — due {0}</source>
        <translation> – fällig am {0}</translation>
    </message>
    <message>
        <source> (done)</source>
        <translation> (erledigt)</translation>
    </message>
</context>
<context>
    <name>NewNoteDialog</name>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>Ihr Gegenüber</translation>
    </message>
    <message>
        <source>Who may read this note?</source>
        <translation>Wer darf diese Notiz lesen?</translation>
    </message>
    <message>
        <source>&amp;Shared session note: {0} sees it too</source>
        <translation>&amp;Gemeinsame Sitzungsnotiz: {0} sieht sie auch</translation>
    </message>
    <message>
        <source>&amp;Private note: only me, never leaves this computer</source>
        <translation>&amp;Private Notiz: nur ich, verlässt nie diesen Computer</translation>
    </message>
    <message>
        <source>&amp;Reflection: my private thoughts as mentor, only me</source>
        <translation>&amp;Reflexion: meine privaten Gedanken als Mentor, nur ich</translation>
    </message>
    <message>
        <source>Presenter mode is on, so only a shared note can be made now.</source>
        <translation>Der Präsentationsmodus ist an, daher kann jetzt nur eine gemeinsame Notiz angelegt werden.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Optional: you can add it later</source>
        <translation>Optional: Sie können ihn später ergänzen</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>No meeting</source>
        <translation>Kein Treffen</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Treffen:</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Create note</source>
        <translation>Notiz &amp;anlegen</translation>
    </message>
    <message>
        <source>Create note</source>
        <translation>Notiz anlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>NewPairDialog</name>
    <message>
        <source>New pair</source>
        <translation>Neues Tandem</translation>
    </message>
    <message>
        <source>A pair is one mentoring relationship. It starts on this computer; inviting your partner comes later, and nothing is shared until then.</source>
        <translation>Ein Tandem ist eine Mentoring-Beziehung. Es beginnt auf diesem Computer; die Einladung an Ihr Gegenüber kommt später, und bis dahin wird nichts geteilt.</translation>
    </message>
    <message>
        <source>I am the &amp;mentee</source>
        <translation>Ich bin der &amp;Mentee</translation>
    </message>
    <message>
        <source>I am the mentee</source>
        <translation>Ich bin der Mentee</translation>
    </message>
    <message>
        <source>I am the men&amp;tor</source>
        <translation>Ich bin der Men&amp;tor</translation>
    </message>
    <message>
        <source>I am the mentor</source>
        <translation>Ich bin der Mentor</translation>
    </message>
    <message>
        <source>Partner&apos;s name</source>
        <translation>Name Ihres Gegenübers</translation>
    </message>
    <message>
        <source>e.g. Dr Helen Marsh</source>
        <translation>z. B. Dr. Helene Marsch</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Start pair</source>
        <translation>Tandem beginnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>You are</source>
        <translation>Sie sind</translation>
    </message>
    <message>
        <source>Your &amp;partner</source>
        <translation>Ihr &amp;Gegenüber</translation>
    </message>
    <message>
        <source>Please enter your partner&apos;s name.</source>
        <translation>Bitte geben Sie den Namen Ihres Gegenübers ein.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Untitled note</source>
        <translation>Notiz ohne Titel</translation>
    </message>
    <message>
        <source>{0}. {1}. Changed {2}</source>
        <translation>{0}. {1}. Geändert {2}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>&amp;New note</source>
        <translation>Neu&amp;e Notiz</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Write a new note (Ctrl+N)</source>
        <translation>Eine neue Notiz schreiben (Strg+N)</translation>
    </message>
    <message>
        <source>Show notes of kind</source>
        <translation>Notizen dieser Art anzeigen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Anzei&amp;gen:</translation>
    </message>
    <message>
        <source>This relationship has ended, so its notes can be read but not changed.</source>
        <translation>Dieses Tandem ist beendet, daher können seine Notizen gelesen, aber nicht geändert werden.</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Titel der Notiz</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>Notiz ohne Titel</translation>
    </message>
    <message>
        <source>Note text (Markdown)</source>
        <translation>Text der Notiz (Markdown)</translation>
    </message>
    <message>
        <source>Write here. It saves by itself.

Markdown works: **bold**, *italic*, # Heading, - list item, [link](https://example.org).</source>
        <translation>Schreiben Sie hier. Es wird von selbst gespeichert.

Markdown funktioniert: **fett**, *kursiv*, # Überschrift, - Listenpunkt, [Link](https://example.org).</translation>
    </message>
    <message>
        <source>Preview of the note</source>
        <translation>Vorschau der Notiz</translation>
    </message>
    <message>
        <source>Write or preview</source>
        <translation>Schreiben oder Vorschau</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Vors&amp;chau</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>&amp;Delete note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <source>Edits of this note crossed: it was changed in more than one place from the same version. Choose the text to keep; the others are then let go.</source>
        <translation>Änderungen an dieser Notiz haben sich überschnitten: Sie wurde an mehr als einer Stelle ausgehend von derselben Fassung geändert. Wählen Sie den Text, der bleiben soll; die anderen werden dann verworfen.</translation>
    </message>
    <message>
        <source>Which other version</source>
        <translation>Welche andere Fassung</translation>
    </message>
    <message>
        <source>This version</source>
        <translation>Diese Fassung</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>Die andere Fassung</translation>
    </message>
    <message>
        <source>&amp;Keep this version</source>
        <translation>Diese Fassung &amp;behalten</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Diese Fassung behalten</translation>
    </message>
    <message>
        <source>Keep the ot&amp;her version</source>
        <translation>Die ande&amp;re Fassung behalten</translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation>Die andere Fassung behalten</translation>
    </message>
    <message>
        <source>Note deleted elsewhere</source>
        <translation>Anderswo gelöschte Notiz</translation>
    </message>
    <message>
        <source>Keep this &amp;note</source>
        <translation>Diese &amp;Notiz behalten</translation>
    </message>
    <message>
        <source>Keep this note</source>
        <translation>Diese Notiz behalten</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>Alle Notizen</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Gemeinsam</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>Reflexionen</translation>
    </message>
    <message>
        <source>No shared notes yet. Presenter mode is on, so private notes and reflections are hidden.</source>
        <translation>Noch keine gemeinsamen Notizen. Der Präsentationsmodus ist an, daher sind private Notizen und Reflexionen ausgeblendet.</translation>
    </message>
    <message>
        <source>No notes of this kind. Choose “All notes” above to see the others.</source>
        <translation>Keine Notizen dieser Art. Wählen Sie oben „Alle Notizen“, um die anderen zu sehen.</translation>
    </message>
    <message>
        <source>No notes were written in this relationship.</source>
        <translation>In diesem Tandem wurden keine Notizen geschrieben.</translation>
    </message>
    <message>
        <source>No notes yet.

Press Ctrl+N or “New note” to write one. A shared session note is seen by both of you; a private note stays on this computer and only you see it.</source>
        <translation>Noch keine Notizen.

Drücken Sie Strg+N oder „Neue Notiz“, um eine zu schreiben. Eine gemeinsame Sitzungsnotiz sehen Sie beide; eine private Notiz bleibt auf diesem Computer, und nur Sie sehen sie.</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>{0} deleted this note while it was being edited elsewhere. It was kept so that no words are lost: keep it, or delete it again.</source>
        <translation>{0} hat diese Notiz gelöscht, während sie anderswo bearbeitet wurde. Sie wurde behalten, damit kein Wort verloren geht: Behalten Sie sie oder löschen Sie sie noch einmal.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>From the meeting on {0} ({1})</source>
        <translation>Vom Treffen am {0} ({1})</translation>
    </message>
    <message>
        <source>About the goal “{0}”</source>
        <translation>Zum Ziel „{0}“</translation>
    </message>
    <message>
        <source>Choose a note on the left, or press Ctrl+N to write a new one.</source>
        <translation>Wählen Sie links eine Notiz, oder drücken Sie Strg+N, um eine neue zu schreiben.</translation>
    </message>
    <message>
        <source>There is nothing to show here.</source>
        <translation>Hier gibt es nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>Your notes open here. Press Ctrl+N to write the first one.</source>
        <translation>Ihre Notizen öffnen sich hier. Drücken Sie Strg+N, um die erste zu schreiben.</translation>
    </message>
    <message>
        <source>the vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>this note was deleted elsewhere.</source>
        <translation>Diese Notiz wurde an anderer Stelle gelöscht.</translation>
    </message>
    <message>
        <source>the note is longer than {0} characters; move part of it into a new note.</source>
        <translation>Die Notiz ist länger als {0} Zeichen; verschieben Sie einen Teil in eine neue Notiz.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Delete the note “{0}”? You cannot undo this.</source>
        <translation>Die Notiz „{0}“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>It is deleted for your partner too.</source>
        <translation>Sie wird auch für Ihr Gegenüber gelöscht.</translation>
    </message>
</context>
<context>
    <name>OpeningPanel</name>
    <message>
        <source>Opening status</source>
        <translation>Status beim Öffnen</translation>
    </message>
    <message>
        <source>Opening the pair</source>
        <translation>Das Paar wird geöffnet</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Opening your pair with {0}… A long history takes a moment.</source>
        <translation>Ihr Paar mit {0} wird geöffnet… Ein langer Verlauf braucht einen Moment.</translation>
    </message>
    <message>
        <source>This pair could not be opened. {0}</source>
        <translation>Dieses Paar konnte nicht geöffnet werden. {0}</translation>
    </message>
</context>
<context>
    <name>OverdueActionsModel</name>
    <message>
        <source>for you</source>
        <translation>für Sie</translation>
    </message>
    <message>
        <source>for {0}</source>
        <translation>für {0}</translation>
    </message>
    <message>
        <source>Overdue since {0} · {1}</source>
        <translation>Überfällig seit {0} · {1}</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Sharing</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>E&amp;nd mentoring…</source>
        <translation>Mentoring &amp;beenden…</translation>
    </message>
    <message>
        <source>End mentoring</source>
        <translation>Mentoring beenden</translation>
    </message>
    <message>
        <source>E&amp;xport my record…</source>
        <translation>Meine Unterlagen e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export my record</source>
        <translation>Meine Unterlagen exportieren</translation>
    </message>
    <message>
        <source>Feedback to your scheme</source>
        <translation>Rückmeldung an Ihr Programm</translation>
    </message>
    <message>
        <source>Feedback invitation</source>
        <translation>Einladung zur Rückmeldung</translation>
    </message>
    <message>
        <source>Open &amp;feedback</source>
        <translation>Zur &amp;Rückmeldung</translation>
    </message>
    <message>
        <source>Open the feedback tab</source>
        <translation>Den Reiter „Rückmeldung“ öffnen</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nächstes Treffen</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>Überfällige Aufgaben</translation>
    </message>
    <message>
        <source>Go to &amp;actions</source>
        <translation>Zu den Aufgabe&amp;n</translation>
    </message>
    <message>
        <source>Go to actions</source>
        <translation>Zu den Aufgaben</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Goals at a glance</source>
        <translation>Ziele auf einen Blick</translation>
    </message>
    <message>
        <source>See goa&amp;ls</source>
        <translation>Ziele an&amp;sehen</translation>
    </message>
    <message>
        <source>See goals</source>
        <translation>Ziele ansehen</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vereinbarung</translation>
    </message>
    <message>
        <source>Agreement state</source>
        <translation>Stand der Vereinbarung</translation>
    </message>
    <message>
        <source>Open the agreement</source>
        <translation>Die Vereinbarung öffnen</translation>
    </message>
    <message>
        <source>{0} Your private notes are never sent. More in the Partner tab.</source>
        <translation>{0} Ihre privaten Notizen werden nie gesendet. Mehr im Reiter „Gegenüber“.</translation>
    </message>
    <message>
        <source>{0} asks for feedback until {1}. It takes a few minutes, and it is voluntary: you see exactly what would be sent before anything is saved.</source>
        <translation>{0} bittet bis {1} um Rückmeldung. Es dauert ein paar Minuten und ist freiwillig: Sie sehen genau, was gesendet würde, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>This mentoring ended on {0} ({1} ended it). Your copy is read-only.</source>
        <translation>Dieses Mentoring endete am {0} (beendet von: {1}). Ihre Kopie ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Closing summary: {0}</source>
        <translation>Abschließende Zusammenfassung: {0}</translation>
    </message>
    <message>
        <source>No closing summary was written.</source>
        <translation>Es wurde keine abschließende Zusammenfassung geschrieben.</translation>
    </message>
    <message>
        <source>No further meetings</source>
        <translation>Keine weiteren Treffen</translation>
    </message>
    <message>
        <source>The mentoring has ended.</source>
        <translation>Das Mentoring ist beendet.</translation>
    </message>
    <message>
        <source>No meeting planned</source>
        <translation>Kein Treffen geplant</translation>
    </message>
    <message>
        <source>Plan one in Meetings (Ctrl+2): when, how and where you meet.</source>
        <translation>Planen Sie eines unter „Treffen“ (Strg+2): wann, wie und wo Sie sich treffen.</translation>
    </message>
    <message>
        <source>Plan a meeting</source>
        <translation>Ein Treffen planen</translation>
    </message>
    <message>
        <source>Plan a meet&amp;ing</source>
        <translation>Treffen &amp;planen</translation>
    </message>
    <message>
        <source>1 change was made before the news of the ending reached its author; it is kept.</source>
        <translation>1 Änderung wurde gemacht, bevor die Nachricht vom Ende ihre Urheberin oder ihren Urheber erreichte; sie bleibt erhalten.</translation>
    </message>
    <message>
        <source>{0} changes were made before the news of the ending reached their authors; they are kept.</source>
        <translation>{0} Änderungen wurden gemacht, bevor die Nachricht vom Ende ihre Urheber erreichte; sie bleiben erhalten.</translation>
    </message>
    <message>
        <source>Prepare the agen&amp;da</source>
        <translation>Agenda vorb&amp;ereiten</translation>
    </message>
    <message>
        <source>Prepare the agenda</source>
        <translation>Agenda vorbereiten</translation>
    </message>
    <message>
        <source>&amp;View the agenda</source>
        <translation>Agenda ans&amp;ehen</translation>
    </message>
    <message>
        <source>View the agenda</source>
        <translation>Agenda ansehen</translation>
    </message>
    <message>
        <source>Overdue actions ({0})</source>
        <translation>Überfällige Aufgaben ({0})</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>The oldest {0} are listed; {1} more are on the Actions page.</source>
        <translation>Die ältesten {0} stehen hier; {1} weitere finden Sie auf der Seite „Aufgaben“.</translation>
    </message>
    <message>
        <source>No actions yet. Agree them at a meeting: what, who and by when.</source>
        <translation>Noch keine Aufgaben. Vereinbaren Sie sie bei einem Treffen: was, wer und bis wann.</translation>
    </message>
    <message>
        <source>{0} of {1} actions were still open when the mentoring ended.</source>
        <translation>{0} von {1} Aufgaben waren noch offen, als das Mentoring endete.</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Nichts ist überfällig.</translation>
    </message>
    <message>
        <source>{0} active</source>
        <translation>{0} aktiv</translation>
    </message>
    <message>
        <source>{0} proposed</source>
        <translation>{0} vorgeschlagen</translation>
    </message>
    <message>
        <source>{0} paused</source>
        <translation>{0} pausiert</translation>
    </message>
    <message>
        <source>{0} achieved</source>
        <translation>{0} erreicht</translation>
    </message>
    <message>
        <source>{0} dropped</source>
        <translation>{0} aufgegeben</translation>
    </message>
    <message>
        <source>No goals yet. Set your first in Goals (Ctrl+3): what you want, by when.</source>
        <translation>Noch keine Ziele. Legen Sie Ihr erstes unter „Ziele“ an (Strg+3): was Sie erreichen möchten und bis wann.</translation>
    </message>
    <message>
        <source>No goals yet. Your mentee sets their goals; you will see them here.</source>
        <translation>Noch keine Ziele. Ihr Mentee legt die Ziele fest; Sie sehen sie dann hier.</translation>
    </message>
    <message>
        <source>No agreement was written down</source>
        <translation>Es wurde keine Vereinbarung festgehalten</translation>
    </message>
    <message>
        <source>Agreed by both of you</source>
        <translation>Von Ihnen beiden vereinbart</translation>
    </message>
    <message>
        <source>Not confirmed by both of you before the end</source>
        <translation>Vor dem Ende nicht von Ihnen beiden bestätigt</translation>
    </message>
    <message>
        <source>Open the ag&amp;reement</source>
        <translation>Vereinbarung ö&amp;ffnen</translation>
    </message>
    <message>
        <source>No agreement yet</source>
        <translation>Noch keine Vereinbarung</translation>
    </message>
    <message>
        <source>Write down together how often you meet, what stays confidential and its limits (Ctrl+6).</source>
        <translation>Halten Sie gemeinsam fest, wie oft Sie sich treffen, was vertraulich bleibt und wo die Grenzen liegen (Strg+6).</translation>
    </message>
    <message>
        <source>&amp;Write the agreement</source>
        <translation>Vereinbarung &amp;festhalten</translation>
    </message>
    <message>
        <source>Waiting for {0} to confirm</source>
        <translation>Wartet auf die Bestätigung durch {0}</translation>
    </message>
    <message>
        <source>{0} confirms it on their own device; you see it here once their update arrives.</source>
        <translation>{0} bestätigt sie auf dem eigenen Gerät; Sie sehen es hier, sobald die Aktualisierung ankommt.</translation>
    </message>
    <message>
        <source>{0} proposed an agreement</source>
        <translation>{0} hat eine Vereinbarung vorgeschlagen</translation>
    </message>
    <message>
        <source>Read it and confirm it if you agree.</source>
        <translation>Lesen Sie sie und bestätigen Sie sie, wenn Sie einverstanden sind.</translation>
    </message>
    <message>
        <source>Read and confi&amp;rm</source>
        <translation>Lesen und best&amp;ätigen</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>in {0} days</source>
        <translation>in {0} Tagen</translation>
    </message>
    <message>
        <source>{0} at {1:02d}:{2:02d} ({3})</source>
        <translation>{0} um {1:02d}:{2:02d} Uhr ({3})</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} Minuten</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Punkt</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} Punkte</translation>
    </message>
    <message>
        <source>Agenda: nothing yet. Add what you want to discuss.</source>
        <translation>Agenda: noch leer. Fügen Sie hinzu, was Sie besprechen möchten.</translation>
    </message>
    <message>
        <source>Agenda: {0}, ready</source>
        <translation>Agenda: {0}, fertig</translation>
    </message>
    <message>
        <source>Agenda: {0}, draft</source>
        <translation>Agenda: {0}, Entwurf</translation>
    </message>
    <message>
        <source>Your mentee&apos;s agenda is ready ({0})</source>
        <translation>Die Agenda Ihres Mentees ist fertig ({0})</translation>
    </message>
    <message>
        <source>Your mentee&apos;s agenda is not shared yet</source>
        <translation>Die Agenda Ihres Mentees ist noch nicht geteilt</translation>
    </message>
    <message>
        <source>Exported to {0} as {1} and {2}.</source>
        <translation>Nach {0} als {1} und {2} exportiert.</translation>
    </message>
</context>
<context>
    <name>PairContext</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>PairListModel</name>
    <message>
        <source>your mentor</source>
        <translation>Ihr Mentor</translation>
    </message>
    <message>
        <source>your mentee</source>
        <translation>Ihr Mentee</translation>
    </message>
    <message>
        <source>{0}
{1}</source>
        <translation>{0}
{1}</translation>
    </message>
    <message>
        <source> · ended</source>
        <translation> · beendet</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <source>Pair sections</source>
        <translation>Bereiche des Tandems</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Meetings and agenda</source>
        <translation>&amp;Treffen und Agenda</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>A&amp;ctions</source>
        <translation>A&amp;ufgaben</translation>
    </message>
    <message>
        <source>Agr&amp;eement</source>
        <translation>&amp;Vereinbarung</translation>
    </message>
    <message>
        <source>Feedbac&amp;k</source>
        <translation>Rüc&amp;kmeldung</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Gegenüber</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Treffen</translation>
    </message>
    <message>
        <source>Your mentor. You own the agenda and your goals.</source>
        <translation>Ihr Mentor. Die Agenda und Ihre Ziele gehören Ihnen.</translation>
    </message>
    <message>
        <source>Your mentee. They own the agenda and their goals; your reflections stay private.</source>
        <translation>Ihr Mentee. Die Agenda und die Ziele gehören Ihrem Mentee; Ihre Reflexionen bleiben privat.</translation>
    </message>
    <message>
        <source>This relationship has ended; its record is read-only.</source>
        <translation>Dieses Tandem ist beendet; seine Unterlagen sind schreibgeschützt.</translation>
    </message>
    <message>
        <source>Sharing: {0}.</source>
        <translation>Teilen: {0}.</translation>
    </message>
</context>
<context>
    <name>PairsSidebar</name>
    <message>
        <source>Pairs</source>
        <translation>Tandems</translation>
    </message>
    <message>
        <source>&lt;b&gt;No pairs yet&lt;/b&gt;&lt;br&gt;&lt;br&gt;A pair is one mentoring relationship: you and your mentor, or you and your mentee. What you write in it stays between the two of you.&lt;br&gt;&lt;br&gt;To start one, choose &lt;b&gt;New pair&lt;/b&gt; below and say who your partner is. Later, you will invite them and read a short safety code to each other, in person or by phone, so you both know no one is in between.</source>
        <translation>&lt;b&gt;Noch keine Tandems&lt;/b&gt;&lt;br&gt;&lt;br&gt;Ein Tandem ist eine Mentoring-Beziehung: Sie und Ihr Mentor oder Sie und Ihr Mentee. Was Sie darin schreiben, bleibt unter Ihnen beiden.&lt;br&gt;&lt;br&gt;Um eines zu beginnen, wählen Sie unten &lt;b&gt;Neues Tandem&lt;/b&gt; und geben an, wer Ihr Gegenüber ist. Später laden Sie Ihr Gegenüber ein und lesen einander persönlich oder am Telefon einen kurzen Sicherheitscode vor, damit Sie beide wissen, dass niemand dazwischen steht.</translation>
    </message>
    <message>
        <source>&amp;New pair…</source>
        <translation>&amp;Neues Tandem…</translation>
    </message>
    <message>
        <source>New pair</source>
        <translation>Neues Tandem</translation>
    </message>
</context>
<context>
    <name>PartnerTab</name>
    <message>
        <source>Connection state</source>
        <translation>Stand der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Invite partner…</source>
        <translation>Gegenüber &amp;einladen…</translation>
    </message>
    <message>
        <source>Invite partner</source>
        <translation>Gegenüber einladen</translation>
    </message>
    <message>
        <source>Import &amp;answer…</source>
        <translation>&amp;Antwort importieren…</translation>
    </message>
    <message>
        <source>Import answer</source>
        <translation>Antwort importieren</translation>
    </message>
    <message>
        <source>Safety code</source>
        <translation>Sicherheitscode</translation>
    </message>
    <message>
        <source>Read it to each other face to face or by phone. If it matches, click “It matches”. Your partner sees the same code on their computer.</source>
        <translation>Lesen Sie ihn einander persönlich oder am Telefon vor. Wenn er übereinstimmt, klicken Sie auf „Stimmt überein“. Ihr Gegenüber sieht denselben Code auf dem eigenen Computer.</translation>
    </message>
    <message>
        <source>Your confirmation</source>
        <translation>Ihre Bestätigung</translation>
    </message>
    <message>
        <source>Your partner&apos;s confirmation</source>
        <translation>Bestätigung Ihres Gegenübers</translation>
    </message>
    <message>
        <source>It matche&amp;s</source>
        <translation>&amp;Stimmt überein</translation>
    </message>
    <message>
        <source>It matches</source>
        <translation>Stimmt überein</translation>
    </message>
    <message>
        <source>It &amp;does not match</source>
        <translation>Stimmt &amp;nicht überein</translation>
    </message>
    <message>
        <source>It does not match</source>
        <translation>Stimmt nicht überein</translation>
    </message>
    <message>
        <source>Send and receive by file</source>
        <translation>Per Datei senden und empfangen</translation>
    </message>
    <message>
        <source>Changes not sent yet</source>
        <translation>Noch nicht gesendete Änderungen</translation>
    </message>
    <message>
        <source>E&amp;xport for partner…</source>
        <translation>Für Gegenüber e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export for partner</source>
        <translation>Für Gegenüber exportieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Import from pa&amp;rtner…</source>
        <translation>Vom Gegenüber i&amp;mportieren…</translation>
    </message>
    <message>
        <source>Import from partner</source>
        <translation>Vom Gegenüber importieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Geteilter Ordner</translation>
    </message>
    <message>
        <source>Instead of sending files by hand, choose a folder that your sync program (Syncthing, Nextcloud, OneDrive, Dropbox …) shares only with this partner. mentorpair then sends and receives updates there by itself. Only encrypted updates go there; your vault itself is never put in it.</source>
        <translation>Statt Dateien von Hand zu senden, wählen Sie einen Ordner, den Ihr Synchronisationsprogramm (Syncthing, Nextcloud, OneDrive, Dropbox …) nur mit diesem Gegenüber teilt. mentorpair sendet und empfängt Aktualisierungen dann dort von selbst. Dort landen nur verschlüsselte Aktualisierungen; Ihr Tresor selbst kommt nie hinein.</translation>
    </message>
    <message>
        <source>Shared folder state</source>
        <translation>Stand des geteilten Ordners</translation>
    </message>
    <message>
        <source>Choose a shared fo&amp;lder…</source>
        <translation>Geteilten Ordner &amp;festlegen…</translation>
    </message>
    <message>
        <source>Choose a shared folder</source>
        <translation>Einen geteilten Ordner wählen</translation>
    </message>
    <message>
        <source>Check no&amp;w</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Stop &amp;using it</source>
        <translation>Nicht mehr ver&amp;wenden</translation>
    </message>
    <message>
        <source>Stop using the shared folder</source>
        <translation>Den geteilten Ordner nicht mehr verwenden</translation>
    </message>
    <message>
        <source>Never shared</source>
        <translation>Nie geteilt</translation>
    </message>
    <message>
        <source>&amp;Invite again…</source>
        <translation>&amp;Erneut einladen…</translation>
    </message>
    <message>
        <source>Your private notes and your reflections stay on this computer. Shared notes, the agenda, goals, suggestions, actions, meetings and the agreement travel to {0}, encrypted so only the two of you can read them.</source>
        <translation>Ihre privaten Notizen und Ihre Reflexionen bleiben auf diesem Computer. Geteilte Notizen, Agenda, Ziele, Vorschläge, Aufgaben, Treffen und die Vereinbarung gehen an {0}, so verschlüsselt, dass nur Sie beide sie lesen können.</translation>
    </message>
    <message>
        <source>Your private notes stay on this computer. Shared notes, the agenda, goals, suggestions, actions, meetings and the agreement travel to {0}, encrypted so only the two of you can read them.</source>
        <translation>Ihre privaten Notizen bleiben auf diesem Computer. Geteilte Notizen, Agenda, Ziele, Vorschläge, Aufgaben, Treffen und die Vereinbarung gehen an {0}, so verschlüsselt, dass nur Sie beide sie lesen können.</translation>
    </message>
    <message>
        <source>✓ You confirmed this code.</source>
        <translation>✓ Sie haben diesen Code bestätigt.</translation>
    </message>
    <message>
        <source>You have not confirmed this code yet.</source>
        <translation>Sie haben diesen Code noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>✓ {0} confirmed it too.</source>
        <translation>✓ {0} hat ihn auch bestätigt.</translation>
    </message>
    <message>
        <source>{0} has not confirmed it yet (you learn it with their next update).</source>
        <translation>{0} hat ihn noch nicht bestätigt (Sie erfahren es mit der nächsten Aktualisierung).</translation>
    </message>
    <message>
        <source>Available once your copies are connected: invite {0} first.</source>
        <translation>Verfügbar, sobald Ihre Kopien verbunden sind: Laden Sie zuerst {0} ein.</translation>
    </message>
    <message>
        <source>Export writes one encrypted file with what {0} does not have yet; send it any way you like. Import reads a file {0} sent you.</source>
        <translation>Exportieren schreibt eine verschlüsselte Datei mit allem, was {0} noch nicht hat; senden Sie sie auf jedem beliebigen Weg. Importieren liest eine Datei, die {0} Ihnen geschickt hat.</translation>
    </message>
    <message>
        <source>Nothing is shared with {0} yet: first read the safety code to each other and click “It matches”. Until then, updates carry only what connecting needs.</source>
        <translation>Noch wird nichts mit {0} geteilt: Lesen Sie sich zuerst den Sicherheitscode gegenseitig vor und klicken Sie auf „Stimmt überein“. Bis dahin enthalten Aktualisierungen nur, was die Verbindung braucht.</translation>
    </message>
    <message>
        <source>Everything you shared has reached {0}.</source>
        <translation>Alles, was Sie geteilt haben, ist bei {0} angekommen.</translation>
    </message>
    <message>
        <source>{0} of yours not sent to {1} yet.</source>
        <translation>{0} von Ihnen noch nicht an {1} gesendet.</translation>
    </message>
    <message>
        <source>Change the fo&amp;lder…</source>
        <translation>Ordner än&amp;dern…</translation>
    </message>
    <message>
        <source>No shared folder: updates travel only by file.</source>
        <translation>Kein geteilter Ordner: Aktualisierungen gehen nur per Datei.</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>Ordner: {0}</translation>
    </message>
    <message>
        <source>Checking the folder…</source>
        <translation>Der Ordner wird geprüft…</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Checked at {0} · the folder could not be used: {1}</source>
        <translation>Geprüft um {0} · der Ordner war nicht nutzbar: {1}</translation>
    </message>
    <message>
        <source>Checked at {0} · everything sent</source>
        <translation>Geprüft um {0} · alles gesendet</translation>
    </message>
    <message>
        <source>Checked at {0} · {1} waiting for {2} to receive them</source>
        <translation>Geprüft um {0} · {1} warten darauf, dass {2} sie empfängt</translation>
    </message>
    <message>
        <source>No invitation made</source>
        <translation>Keine Einladung erstellt</translation>
    </message>
    <message>
        <source>The codes do not match</source>
        <translation>Die Codes stimmen nicht überein</translation>
    </message>
    <message>
        <source>Someone may have swapped the invitation or the answer on its way. Disconnect now: nothing more is sent to these keys or taken from them, and everything they sent you is set aside so it never mixes with your record. Your own notes stay. Then make a new invitation, send it a different way (or hand it over in person), and compare the code again.

Disconnect from these keys?</source>
        <translation>Jemand könnte die Einladung oder die Antwort unterwegs ausgetauscht haben. Trennen Sie jetzt die Verbindung: An diese Schlüssel wird nichts mehr gesendet und von ihnen nichts mehr angenommen, und alles, was sie Ihnen geschickt haben, wird beiseitegelegt, damit es sich nie mit Ihren Aufzeichnungen vermischt. Ihre eigenen Notizen bleiben. Erstellen Sie dann eine neue Einladung, senden Sie sie auf einem anderen Weg (oder übergeben Sie sie persönlich) und vergleichen Sie den Code erneut.

Verbindung zu diesen Schlüsseln trennen?</translation>
    </message>
    <message>
        <source>Choose the folder you share only with {0}</source>
        <translation>Wählen Sie den Ordner, den Sie nur mit {0} teilen</translation>
    </message>
    <message>
        <source>Folder not used</source>
        <translation>Ordner nicht verwendet</translation>
    </message>
    <message>
        <source>The shared folder is no longer used for {0}.</source>
        <translation>Der geteilte Ordner wird für {0} nicht mehr verwendet.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>{0} anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>&lt;b&gt;Your vault is in a folder that {0} keeps in sync&lt;/b&gt; ({1}). Open it on one computer only: if two computers open it, one computer&apos;s notes are lost. Safest is to keep the vault outside the synced folder. To use mentorpair on a second computer, link it instead: File ▸ Link another computer.</source>
        <translation>&lt;b&gt;Ihr Tresor liegt in einem Ordner, den {0} synchronisiert&lt;/b&gt; ({1}). Öffnen Sie ihn nur auf einem Computer: Öffnen ihn zwei Computer, gehen die Notizen eines Computers verloren. Am sichersten liegt der Tresor außerhalb des synchronisierten Ordners. Um mentorpair auf einem zweiten Computer zu nutzen, verbinden Sie ihn stattdessen: Datei ▸ Weiteren Computer verbinden.</translation>
    </message>
    <message>
        <source>Sync warning</source>
        <translation>Warnung zur Synchronisierung</translation>
    </message>
    <message>
        <source>less than an hour ago</source>
        <translation>vor weniger als einer Stunde</translation>
    </message>
    <message>
        <source>an hour ago</source>
        <translation>vor einer Stunde</translation>
    </message>
    <message>
        <source>{0} hours ago</source>
        <translation>vor {0} Stunden</translation>
    </message>
    <message>
        <source>{0} days ago</source>
        <translation>vor {0} Tagen</translation>
    </message>
    <message>
        <source>This vault was open on another computer {0}, so it was not opened here and nothing was changed: a vault opened on two computers loses notes. Keep using it there. If you moved it here for good, choose “Use it on this computer”.</source>
        <translation>Dieser Tresor war {0} auf einem anderen Computer geöffnet. Deshalb wurde er hier nicht geöffnet und nichts verändert: Ein Tresor, der auf zwei Computern geöffnet wird, verliert Notizen. Nutzen Sie ihn dort weiter. Haben Sie ihn endgültig hierher umgezogen, wählen Sie „Auf diesem Computer verwenden“.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Preferences sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>English</source>
        <comment>language name, keep in English</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <comment>language name, keep in German</comment>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>A new language applies when mentorpair next starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von mentorpair.</translation>
    </message>
    <message>
        <source> minutes without use</source>
        <translation> Minuten ohne Nutzung</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> Minuten vorher</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>Meeting reminder</source>
        <translation>Erinnerung an Treffen</translation>
    </message>
    <message>
        <source> days before the meeting</source>
        <translation> Tage vor dem Treffen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Agenda reminder</source>
        <translation>Erinnerung an die Agenda</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>S&amp;perren nach</translation>
    </message>
    <message>
        <source>&amp;Remind me</source>
        <translation>Er&amp;innern</translation>
    </message>
    <message>
        <source>Remind me to prepare my &amp;agenda</source>
        <translation>An die Vorbereitung meiner Agen&amp;da erinnern</translation>
    </message>
    <message>
        <source>Your security fingerprint</source>
        <translation>Ihr Sicherheits-Fingerabdruck</translation>
    </message>
    <message>
        <source>Security fingerprint</source>
        <translation>Sicherheits-Fingerabdruck</translation>
    </message>
    <message>
        <source>These digits stand for your keys. When you pair with someone, each of you reads them to the other to be sure no one is in between.</source>
        <translation>Diese Ziffern stehen für Ihre Schlüssel. Wenn Sie ein Tandem mit jemandem koppeln, lesen Sie sie einander vor, um sicher zu sein, dass niemand dazwischen steht.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Confirm new passphrase</source>
        <translation>Neue Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Passphrase change message</source>
        <translation>Meldung zur Änderung der Passphrase</translation>
    </message>
    <message>
        <source>Changing passphrase… %p%</source>
        <translation>Passphrase wird geändert… %p%</translation>
    </message>
    <message>
        <source>Changing passphrase</source>
        <translation>Passphrase wird geändert</translation>
    </message>
    <message>
        <source>C&amp;urrent</source>
        <translation>A&amp;ktuell</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Ne&amp;u</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>Die beiden neuen Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>Ihre Passphrase wurde geändert. Verwenden Sie ab jetzt die neue.</translation>
    </message>
</context>
<context>
    <name>PrivateNotice</name>
    <message>
        <source>Padlock: private</source>
        <translation>Vorhängeschloss: privat</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>&amp;Add question</source>
        <translation>Frage &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Frage hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Frage entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move question up</source>
        <translation>Frage nach oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move question down</source>
        <translation>Frage nach unten</translation>
    </message>
    <message>
        <source>Kind of question</source>
        <translation>Art der Frage</translation>
    </message>
    <message>
        <source>Agreement scale</source>
        <translation>Zustimmungsskala</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Einfachauswahl</translation>
    </message>
    <message>
        <source>Free text (optional comment)</source>
        <translation>Freitext (optionaler Kommentar)</translation>
    </message>
    <message>
        <source>Question wording</source>
        <translation>Wortlaut der Frage</translation>
    </message>
    <message>
        <source>Answers, one per line</source>
        <translation>Antworten, eine pro Zeile</translation>
    </message>
    <message>
        <source>One answer per line, in order (for a scale: from most negative to most positive).</source>
        <translation>Eine Antwort pro Zeile, der Reihe nach (bei einer Skala: von der negativsten zur positivsten).</translation>
    </message>
    <message>
        <source>Kin&amp;d</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Wordin&amp;g</source>
        <translation>Wort&amp;laut</translation>
    </message>
    <message>
        <source>&amp;Choices</source>
        <translation>Antwort&amp;möglichkeiten</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>Freitext</translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message>
        <source>New reflection</source>
        <translation>Neue Reflexion</translation>
    </message>
    <message>
        <source>Edit reflection</source>
        <translation>Reflexion bearbeiten</translation>
    </message>
    <message>
        <source>On your mentee&apos;s goal “{0}”.</source>
        <translation>Zum Ziel „{0}“ Ihres Mentees.</translation>
    </message>
    <message>
        <source>Private — only you can see this. It never leaves this computer.</source>
        <translation>Privat – nur Sie sehen das. Es verlässt nie diesen Computer.</translation>
    </message>
    <message>
        <source>Reflection title</source>
        <translation>Titel der Reflexion</translation>
    </message>
    <message>
        <source>For example: Confidence in presenting</source>
        <translation>Zum Beispiel: Sicherheit beim Präsentieren</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexion</translation>
    </message>
    <message>
        <source>What you notice, what might help, what to ask next time.</source>
        <translation>Was Ihnen auffällt, was helfen könnte, was Sie beim nächsten Mal fragen möchten.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Reflection:</source>
        <translation>&amp;Reflexion:</translation>
    </message>
    <message>
        <source>Save reflection</source>
        <translation>Reflexion speichern</translation>
    </message>
</context>
<context>
    <name>ReflectionsModel</name>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} – {1}</translation>
    </message>
</context>
<context>
    <name>ReminderScheduler</name>
    <message>
        <source>Mentoring meeting</source>
        <translation>Mentoring-Treffen</translation>
    </message>
    <message>
        <source>Mentoring agenda</source>
        <translation>Mentoring-Agenda</translation>
    </message>
    <message>
        <source>Mentoring meeting {0} ({1})</source>
        <translation>Mentoring-Treffen {0} ({1})</translation>
    </message>
    <message>
        <source>Prepare your agenda: meeting on {0}</source>
        <translation>Bereiten Sie Ihre Agenda vor: Treffen am {0}</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} Stunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} Minuten</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>in {0}</translation>
    </message>
    <message>
        <source>in {0} and {1}</source>
        <translation>in {0} und {1}</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>persönlich</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>am Telefon</translation>
    </message>
    <message>
        <source>video</source>
        <translation>per Video</translation>
    </message>
    <message>
        <source>email</source>
        <translation>per E-Mail</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report on the feedback</source>
        <translation>Bericht über die Rückmeldungen</translation>
    </message>
    <message>
        <source>Scheme key file</source>
        <translation>Schlüsseldatei des Programms</translation>
    </message>
    <message>
        <source>The .mpschemekey file made with the scheme</source>
        <translation>Die .mpschemekey-Datei, die mit dem Programm erstellt wurde</translation>
    </message>
    <message>
        <source>Choose the scheme key file</source>
        <translation>Die Schlüsseldatei des Programms wählen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Feedback folder</source>
        <translation>Ordner mit Rückmeldungen</translation>
    </message>
    <message>
        <source>The folder where you keep the feedback files</source>
        <translation>Der Ordner, in dem Sie die Rückmeldedateien aufbewahren</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>Ordner &amp;auswählen…</translation>
    </message>
    <message>
        <source>Choose the feedback folder</source>
        <translation>Den Ordner mit Rückmeldungen wählen</translation>
    </message>
    <message>
        <source>Choose key fi&amp;le…</source>
        <translation>Schlüssel &amp;wählen…</translation>
    </message>
    <message>
        <source>Rea&amp;d feedback</source>
        <translation>Rückmeldungen &amp;einlesen</translation>
    </message>
    <message>
        <source>Read feedback</source>
        <translation>Rückmeldungen lesen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Lesen anhalten</translation>
    </message>
    <message>
        <source>Reading the feedback files</source>
        <translation>Die Rückmeldedateien werden gelesen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Den Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Den Bericht als CSV exportieren</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export the report as JSON</source>
        <translation>Den Bericht als JSON exportieren</translation>
    </message>
    <message>
        <source>Scheme &amp;key</source>
        <translation>Programmsch&amp;lüssel</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase</source>
        <translation>Pa&amp;ssphrase</translation>
    </message>
    <message>
        <source>Feedback &amp;folder</source>
        <translation>Rückmelde&amp;ordner</translation>
    </message>
    <message>
        <source>Choose the scheme&apos;s key file, type its passphrase and choose the folder with the feedback files. Files that cannot be read are listed; nothing in the folder is changed.</source>
        <translation>Wählen Sie die Schlüsseldatei des Programms, geben Sie ihre Passphrase ein und wählen Sie den Ordner mit den Rückmeldedateien. Dateien, die nicht lesbar sind, werden aufgelistet; im Ordner wird nichts verändert.</translation>
    </message>
    <message>
        <source>Scheme key (*{0})</source>
        <translation>Programmschlüssel (*{0})</translation>
    </message>
    <message>
        <source>Reading {0} of {1} files…</source>
        <translation>Datei {0} von {1} wird gelesen…</translation>
    </message>
    <message>
        <source>Reading was stopped. Nothing was changed.</source>
        <translation>Das Lesen wurde angehalten. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Opening the scheme key…</source>
        <translation>Der Programmschlüssel wird geöffnet…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet, CSV (*.csv)</source>
        <translation>Tabelle, CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON data (*.json)</source>
        <translation>JSON-Daten (*.json)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Meetings in the period</source>
        <translation>Treffen im Zeitraum</translation>
    </message>
    <message>
        <source>Months in the relationship</source>
        <translation>Monate in der Beziehung</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>Mentee</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>1 to 2</source>
        <translation>1 bis 2</translation>
    </message>
    <message>
        <source>3 to 5</source>
        <translation>3 bis 5</translation>
    </message>
    <message>
        <source>6 or more</source>
        <translation>6 oder mehr</translation>
    </message>
    <message>
        <source>Up to 3</source>
        <translation>Bis 3</translation>
    </message>
    <message>
        <source>4 to 6</source>
        <translation>4 bis 6</translation>
    </message>
    <message>
        <source>7 to 12</source>
        <translation>7 bis 12</translation>
    </message>
    <message>
        <source>13 to 24</source>
        <translation>13 bis 24</translation>
    </message>
    <message>
        <source>25 or more</source>
        <translation>25 oder mehr</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>not a feedback file</source>
        <translation>keine Rückmeldedatei</translation>
    </message>
    <message>
        <source>made by a newer version of mentorpair</source>
        <translation>mit einer neueren Version von mentorpair erstellt</translation>
    </message>
    <message>
        <source>for another scheme</source>
        <translation>für ein anderes Programm</translation>
    </message>
    <message>
        <source>damaged or changed after it was sealed</source>
        <translation>beschädigt oder nach dem Versiegeln verändert</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>gone before it could be read</source>
        <translation>verschwunden, bevor sie gelesen werden konnte</translation>
    </message>
    <message>
        <source>not allowed to read it</source>
        <translation>keine Berechtigung zum Lesen</translation>
    </message>
    <message>
        <source>the disk could not read it</source>
        <translation>die Festplatte konnte sie nicht lesen</translation>
    </message>
    <message>
        <source>{0}: column headings</source>
        <translation>{0}: Spaltenüberschriften</translation>
    </message>
    <message>
        <source>{0}: row numbers</source>
        <translation>{0}: Zeilennummern</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>fewer than {0} files</source>
        <translation>weniger als {0} Dateien</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation>{0} Dateien</translation>
    </message>
    <message>
        <source>fewer than {0} responses</source>
        <translation>weniger als {0} Rückmeldungen</translation>
    </message>
    <message>
        <source>1 response</source>
        <translation>1 Rückmeldung</translation>
    </message>
    <message>
        <source>{0} responses</source>
        <translation>{0} Rückmeldungen</translation>
    </message>
    <message>
        <source>fewer than {0} older copies dropped</source>
        <translation>weniger als {0} ältere Kopien verworfen</translation>
    </message>
    <message>
        <source>{0} older copies dropped</source>
        <translation>{0} ältere Kopien verworfen</translation>
    </message>
    <message>
        <source>1 file left out</source>
        <translation>1 Datei ausgelassen</translation>
    </message>
    <message>
        <source>{0} files left out</source>
        <translation>{0} Dateien ausgelassen</translation>
    </message>
    <message>
        <source>{0}: read {1} — {2}, {3}, {4}.</source>
        <translation>{0}: {1} gelesen – {2}, {3}, {4}.</translation>
    </message>
    <message>
        <source>This report covers the batches the collector released ({0}). Each batch adds at least {1} people, so two reports never differ by fewer than {1} people.</source>
        <translation>Dieser Bericht umfasst die von der Vertrauensperson freigegebenen Stapel ({0}). Jeder Stapel bringt mindestens {1} Personen hinzu, daher unterscheiden sich zwei Berichte nie um weniger als {1} Personen.</translation>
    </message>
    <message>
        <source>Scores are shown only for groups of at least {0} people and comments only when at least {1} people wrote one. In the tables by role, meetings and months, small numbers are hidden, with others that would give them away. Each person counts once per period.</source>
        <translation>Bewertungen erscheinen nur für Gruppen von mindestens {0} Personen und Kommentare nur, wenn mindestens {1} Personen einen geschrieben haben. In den Tabellen nach Rolle, Treffen und Monaten sind kleine Zahlen verborgen, zusammen mit anderen, die sie verraten würden. Jede Person zählt einmal pro Zeitraum.</translation>
    </message>
    <message>
        <source>Fewer than {0} answers — not shown</source>
        <translation>Weniger als {0} Antworten – nicht angezeigt</translation>
    </message>
    <message>
        <source>fewer than {0}</source>
        <translation>weniger als {0}</translation>
    </message>
    <message>
        <source>{0}: {1} answered</source>
        <translation>{0}: {1} haben geantwortet</translation>
    </message>
    <message>
        <source>Trends across periods</source>
        <translation>Entwicklung über die Zeiträume</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>{0} · {1}% agree</source>
        <translation>{0} · {1} % stimmen zu</translation>
    </message>
    <message>
        <source>Average position on the scale (1 = the first answer) and the share who agreed or better.</source>
        <translation>Durchschnittliche Position auf der Skala (1 = die erste Antwort) und der Anteil mit Zustimmung oder mehr.</translation>
    </message>
    <message>
        <source>Answers by role, meetings and months</source>
        <translation>Antworten nach Rolle, Treffen und Monaten</translation>
    </message>
    <message>
        <source>Table to show</source>
        <translation>Anzuzeigende Tabelle</translation>
    </message>
    <message>
        <source>{0} — by {1}, {2}</source>
        <translation>{0} – nach {1}, {2}</translation>
    </message>
    <message>
        <source>{0} (too few people)</source>
        <translation>{0} (zu wenige Personen)</translation>
    </message>
    <message>
        <source>Answers by fact</source>
        <translation>Antworten nach Angabe</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Only people who chose to add this fact are counted. &apos;hidden&apos;: fewer than {0} people, or hidden with such a number so it cannot be worked out.</source>
        <translation>Gezählt werden nur Personen, die diese Angabe hinzugefügt haben. „verborgen“: weniger als {0} Personen, oder zusammen mit einer solchen Zahl verborgen, damit sie sich nicht errechnen lässt.</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} – {1}</translation>
    </message>
    <message>
        <source>Fewer than {0} comments — not shown.</source>
        <translation>Weniger als {0} Kommentare – nicht angezeigt.</translation>
    </message>
    <message>
        <source>Files left out</source>
        <translation>Ausgelassene Dateien</translation>
    </message>
    <message>
        <source>No file was left out.</source>
        <translation>Keine Datei wurde ausgelassen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why it was left out</source>
        <translation>Warum sie ausgelassen wurde</translation>
    </message>
</context>
<context>
    <name>SafetyCodeView</name>
    <message>
        <source>Safety code</source>
        <translation>Sicherheitscode</translation>
    </message>
</context>
<context>
    <name>SchemeForm</name>
    <message>
        <source>Make a new feedback scheme</source>
        <translation>Ein neues Rückmeldeprogramm erstellen</translation>
    </message>
    <message>
        <source>This makes two files. Hand the scheme file to every pair: it holds the questions and a key that locks their answers so only you can open them. Keep the key file safe: with your passphrase it opens all the feedback.</source>
        <translation>Dies erstellt zwei Dateien. Geben Sie die Programmdatei allen Tandems: Sie enthält die Fragen und einen Schlüssel, der die Antworten so verschließt, dass nur Sie sie öffnen können. Bewahren Sie die Schlüsseldatei sicher auf: Mit Ihrer Passphrase öffnet sie alle Rückmeldungen.</translation>
    </message>
    <message>
        <source>Scheme name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>e.g. North London GP Mentoring Scheme</source>
        <translation>z. B. Mentoring-Programm für Hausärztinnen und Hausärzte Nord-London</translation>
    </message>
    <message>
        <source>Add &amp;period</source>
        <translation>&amp;Zeitraum hinzufügen</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Zeitraum hinzufügen</translation>
    </message>
    <message>
        <source>Smallest group whose scores are shown</source>
        <translation>Kleinste Gruppe, deren Bewertungen angezeigt werden</translation>
    </message>
    <message>
        <source>Smallest number of comments shown</source>
        <translation>Kleinste Zahl angezeigter Kommentare</translation>
    </message>
    <message>
        <source>The collector&apos;s card (optional)</source>
        <translation>Karte der Vertrauensperson (freiwillig)</translation>
    </message>
    <message>
        <source>Their {0} file; leave empty for no collector</source>
        <translation>Ihre {0}-Datei; leer lassen für keine Vertrauensperson</translation>
    </message>
    <message>
        <source>Choose the collector&apos;s card</source>
        <translation>Karte der Vertrauensperson wählen</translation>
    </message>
    <message>
        <source>With a collector, people send their files to them, not to you: you receive only batches of at least k people and cannot tell who sent what. Without one, whoever e-mails you a file is known to you.</source>
        <translation>Mit einer Vertrauensperson schicken die Leute ihre Dateien an sie, nicht an Sie: Sie erhalten nur Stapel von mindestens k Personen und können nicht erkennen, wer was geschickt hat. Ohne sie kennen Sie jede Person, die Ihnen eine Datei per E-Mail schickt.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>Passphrase bestätigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost passphrase cannot be recovered.&lt;/b&gt; Without it nobody can read the feedback sent to this scheme. Write it down and keep it safe.</source>
        <translation>&lt;b&gt;Eine verlorene Passphrase lässt sich nicht wiederherstellen.&lt;/b&gt; Ohne sie kann niemand die Rückmeldungen an dieses Programm lesen. Schreiben Sie sie auf und bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>Folder to save the scheme in</source>
        <translation>Ordner zum Speichern des Programms</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Choose the folder to save in</source>
        <translation>Den Ordner zum Speichern wählen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Making the scheme</source>
        <translation>Das Programm wird erstellt</translation>
    </message>
    <message>
        <source>Making the scheme…</source>
        <translation>Das Programm wird erstellt…</translation>
    </message>
    <message>
        <source>&amp;Make scheme</source>
        <translation>Programm e&amp;rstellen</translation>
    </message>
    <message>
        <source>Make scheme</source>
        <translation>Programm erstellen</translation>
    </message>
    <message>
        <source>Scheme nam&amp;e</source>
        <translation>&amp;Name des Programms</translation>
    </message>
    <message>
        <source>Co&amp;llector</source>
        <translation>Vertrauens&amp;person</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>Bes&amp;tätigen</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Zeiträume</translation>
    </message>
    <message>
        <source>Choose card…</source>
        <translation>Karte wählen…</translation>
    </message>
    <message>
        <source>Shared folder for feedback files (optional)</source>
        <translation>Gemeinsamer Ordner für Rückmeldedateien (freiwillig)</translation>
    </message>
    <message>
        <source>A folder people can put their files in, as they would type it</source>
        <translation>Ein Ordner, in den die Leute ihre Dateien legen können, so wie sie ihn eingeben würden</translation>
    </message>
    <message>
        <source>Scores shown from (&amp;k)</source>
        <translation>Bewertungen ab (&amp;k)</translation>
    </message>
    <message>
        <source>people</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Comments shown &amp;from</source>
        <translation>Komm&amp;entare ab</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentaren</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>Ablageordner</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase</source>
        <translation>Pa&amp;ssphrase</translation>
    </message>
    <message>
        <source>Save &amp;in</source>
        <translation>Speichern &amp;in</translation>
    </message>
    <message>
        <source>Period {0} opens</source>
        <translation>Zeitraum {0} beginnt</translation>
    </message>
    <message>
        <source>Period {0} closes</source>
        <translation>Zeitraum {0} endet</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove period {0}</source>
        <translation>Zeitraum {0} entfernen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Scores are shown to you only for groups of at least {0} people; comments only when at least {1} people wrote one. Everyone who answers sees these numbers, and they cannot be changed once the scheme is made.</source>
        <translation>Bewertungen sehen Sie nur für Gruppen von mindestens {0} Personen, Kommentare nur, wenn mindestens {1} Personen einen geschrieben haben. Alle, die antworten, sehen diese Zahlen, und sie lassen sich nach dem Erstellen des Programms nicht mehr ändern.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Collector card (*{0})</source>
        <translation>Karte der Vertrauensperson (*{0})</translation>
    </message>
    <message>
        <source>Where to save the scheme&apos;s two files</source>
        <translation>Wo die beiden Dateien des Programms gespeichert werden</translation>
    </message>
    <message>
        <source>Made. Hand out {0}. Keep {1} safe: with your passphrase it opens all the feedback. Key code: {2}.</source>
        <translation>Erstellt. Geben Sie {0} weiter. Bewahren Sie {1} sicher auf: Mit Ihrer Passphrase öffnet sie alle Rückmeldungen. Schlüsselcode: {2}.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search notes, goals, agenda and actions  (Ctrl+F)</source>
        <translation>Notizen, Ziele, Agenda und Aufgaben durchsuchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Search results summary</source>
        <translation>Zusammenfassung der Suchergebnisse</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Note · {0}</source>
        <translation>Notiz · {0}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agendapunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Suggested agenda item</source>
        <translation>Vorgeschlagener Agendapunkt</translation>
    </message>
    <message>
        <source>with {0}</source>
        <translation>mit {0}</translation>
    </message>
    <message>
        <source>Unlock the vault to search.</source>
        <translation>Entsperren Sie den Tresor, um zu suchen.</translation>
    </message>
    <message>
        <source>this pair</source>
        <translation>diesem Tandem</translation>
    </message>
    <message>
        <source>all your pairs</source>
        <translation>allen Ihren Tandems</translation>
    </message>
    <message>
        <source>Type a word to find it in the notes, goals, agenda and actions of {0}.</source>
        <translation>Geben Sie ein Wort ein, um es in den Notizen, Zielen, Agenden und Aufgaben von {0} zu finden.</translation>
    </message>
    <message>
        <source>No matches for “{0}”. Try fewer or shorter words.</source>
        <translation>Keine Treffer für „{0}“. Versuchen Sie es mit weniger oder kürzeren Wörtern.</translation>
    </message>
    <message>
        <source>Showing the first {0} matches. Add a word to narrow the search.</source>
        <translation>Die ersten {0} Treffer werden angezeigt. Fügen Sie ein Wort hinzu, um die Suche einzugrenzen.</translation>
    </message>
    <message>
        <source>1 result.</source>
        <translation>1 Treffer.</translation>
    </message>
    <message>
        <source>{0} results.</source>
        <translation>{0} Treffer.</translation>
    </message>
    <message>
        <source>Press Enter on one to open it.</source>
        <translation>Drücken Sie die Eingabetaste auf einem Treffer, um ihn zu öffnen.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Strength: {0}.</source>
        <translation>Stärke: {0}.</translation>
    </message>
    <message>
        <source>Strength: {0}. {1}</source>
        <translation>Stärke: {0}. {1}</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <source>Nearly there</source>
        <translation>Fast geschafft</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Use four or more ordinary words that have nothing to do with you: no names, dates or places.</source>
        <translation>Verwenden Sie vier oder mehr gewöhnliche Wörter, die nichts mit Ihnen zu tun haben: keine Namen, Daten oder Orte.</translation>
    </message>
    <message>
        <source>Use at least {0} characters: four or more ordinary, unrelated words work well.</source>
        <translation>Verwenden Sie mindestens {0} Zeichen: Vier oder mehr gewöhnliche Wörter, die nichts miteinander zu tun haben, eignen sich gut.</translation>
    </message>
    <message>
        <source>Leave out your own name and your partner&apos;s: people who know you would try them first.</source>
        <translation>Lassen Sie Ihren eigenen Namen und den Ihres Gegenübers weg: Wer Sie kennt, probiert diese zuerst aus.</translation>
    </message>
    <message>
        <source>Common passwords, keyboard rows and repeated letters are guessed first. Use ordinary, unrelated words instead.</source>
        <translation>Gängige Passwörter, Tastaturreihen und wiederholte Buchstaben werden zuerst erraten. Verwenden Sie stattdessen gewöhnliche Wörter, die nichts miteinander zu tun haben.</translation>
    </message>
    <message>
        <source>Names, dates and years are guessed early. Use ordinary words that have nothing to do with you instead.</source>
        <translation>Namen, Daten und Jahreszahlen werden früh erraten. Verwenden Sie stattdessen gewöhnliche Wörter, die nichts mit Ihnen zu tun haben.</translation>
    </message>
    <message>
        <source>Add another ordinary word that has nothing to do with the others (words so far: {0}). Four or more usually make it strong.</source>
        <translation>Fügen Sie ein weiteres gewöhnliches Wort hinzu, das nichts mit den anderen zu tun hat (Wörter bisher: {0}). Mit vier oder mehr ist sie meist stark.</translation>
    </message>
</context>
<context>
    <name>SuggestionDialog</name>
    <message>
        <source>Suggest an agenda item</source>
        <translation>Einen Agendapunkt vorschlagen</translation>
    </message>
    <message>
        <source>Your mentee decides whether it goes on the agenda.</source>
        <translation>Ihr Mentee entscheidet, ob es auf die Agenda kommt.</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Why this might help now</source>
        <translation>Warum das jetzt helfen könnte</translation>
    </message>
    <message>
        <source>&amp;Suggestion:</source>
        <translation>&amp;Vorschlag:</translation>
    </message>
    <message>
        <source>W&amp;hy:</source>
        <translation>W&amp;arum:</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>Why: {0}</source>
        <translation>Warum: {0}</translation>
    </message>
    <message>
        <source>Waiting for your mentee</source>
        <translation>Wartet auf Ihren Mentee</translation>
    </message>
    <message>
        <source>Added to the agenda</source>
        <translation>Auf die Agenda gesetzt</translation>
    </message>
    <message>
        <source>Not taken up</source>
        <translation>Nicht übernommen</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Nothing new from {0}.</source>
        <translation>Nichts Neues von {0}.</translation>
    </message>
    <message>
        <source>From {0}: {1}</source>
        <translation>Von {0}: {1}</translation>
    </message>
    <message>
        <source>A file in the shared folder was not imported: {0}</source>
        <translation>Eine Datei im geteilten Ordner wurde nicht importiert: {0}</translation>
    </message>
    <message>
        <source>The shared folder could not be used: {0}</source>
        <translation>Der geteilte Ordner konnte nicht verwendet werden: {0}</translation>
    </message>
</context>
<context>
    <name>SyncWording</name>
    <message>
        <source>Only on this computer</source>
        <translation>Nur auf diesem Computer</translation>
    </message>
    <message>
        <source>Invitation sent — waiting for an answer</source>
        <translation>Einladung gesendet – warten auf Antwort</translation>
    </message>
    <message>
        <source>Connected — not verified yet: compare the safety code</source>
        <translation>Verbunden – noch nicht bestätigt: Vergleichen Sie den Sicherheitscode</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Keys changed — check with your partner</source>
        <translation>Schlüssel geändert – klären Sie es mit Ihrem Gegenüber</translation>
    </message>
    <message>
        <source>Not shared</source>
        <comment>sidebar</comment>
        <translation>Nicht geteilt</translation>
    </message>
    <message>
        <source>Invited</source>
        <comment>sidebar</comment>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Not verified yet</source>
        <comment>sidebar</comment>
        <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Verified</source>
        <comment>sidebar</comment>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Keys changed!</source>
        <comment>sidebar</comment>
        <translation>Schlüssel geändert!</translation>
    </message>
    <message>
        <source>Nothing here has been sent to {0} yet. Invite them to connect your two copies of this pair; until then everything stays on this computer.</source>
        <translation>Hiervon wurde noch nichts an {0} gesendet. Mit einer Einladung verbinden Sie Ihre beiden Kopien dieses Tandems; bis dahin bleibt alles auf diesem Computer.</translation>
    </message>
    <message>
        <source>When {0} answers your invitation, import their answer here. Nothing is shared before that.</source>
        <translation>Wenn {0} Ihre Einladung beantwortet, importieren Sie die Antwort hier. Vorher wird nichts geteilt.</translation>
    </message>
    <message>
        <source>Your copies are connected. Compare the safety code below with {0} so you both know no one is in between.</source>
        <translation>Ihre Kopien sind verbunden. Vergleichen Sie den Sicherheitscode unten mit {0}, damit Sie beide wissen, dass niemand dazwischen steht.</translation>
    </message>
    <message>
        <source>You and {0} compared the safety code. What you share is encrypted so only the two of you can read it.</source>
        <translation>Sie und {0} haben den Sicherheitscode verglichen. Was Sie teilen, ist so verschlüsselt, dass nur Sie beide es lesen können.</translation>
    </message>
    <message>
        <source>{0}&apos;s keys are not the ones you verified. This is expected only if they set up mentorpair again. Call them and compare the new safety code before you share more.</source>
        <translation>Die Schlüssel von {0} sind nicht die, die Sie bestätigt haben. Das ist nur zu erwarten, wenn mentorpair neu eingerichtet wurde. Rufen Sie an und vergleichen Sie den neuen Sicherheitscode, bevor Sie mehr teilen.</translation>
    </message>
    <message>
        <source>1 shared note</source>
        <translation>1 geteilte Notiz</translation>
    </message>
    <message>
        <source>{0} shared notes</source>
        <translation>{0} geteilte Notizen</translation>
    </message>
    <message>
        <source>1 updated note</source>
        <translation>1 geänderte Notiz</translation>
    </message>
    <message>
        <source>{0} updated notes</source>
        <translation>{0} geänderte Notizen</translation>
    </message>
    <message>
        <source>1 deleted note</source>
        <translation>1 gelöschte Notiz</translation>
    </message>
    <message>
        <source>{0} deleted notes</source>
        <translation>{0} gelöschte Notizen</translation>
    </message>
    <message>
        <source>1 new goal</source>
        <translation>1 neues Ziel</translation>
    </message>
    <message>
        <source>{0} new goals</source>
        <translation>{0} neue Ziele</translation>
    </message>
    <message>
        <source>1 updated goal</source>
        <translation>1 geändertes Ziel</translation>
    </message>
    <message>
        <source>{0} updated goals</source>
        <translation>{0} geänderte Ziele</translation>
    </message>
    <message>
        <source>1 agenda change</source>
        <translation>1 Änderung der Agenda</translation>
    </message>
    <message>
        <source>{0} agenda changes</source>
        <translation>{0} Änderungen der Agenda</translation>
    </message>
    <message>
        <source>1 suggestion</source>
        <translation>1 Vorschlag</translation>
    </message>
    <message>
        <source>{0} suggestions</source>
        <translation>{0} Vorschläge</translation>
    </message>
    <message>
        <source>1 new action</source>
        <translation>1 neue Aufgabe</translation>
    </message>
    <message>
        <source>{0} new actions</source>
        <translation>{0} neue Aufgaben</translation>
    </message>
    <message>
        <source>1 updated action</source>
        <translation>1 geänderte Aufgabe</translation>
    </message>
    <message>
        <source>{0} updated actions</source>
        <translation>{0} geänderte Aufgaben</translation>
    </message>
    <message>
        <source>1 new meeting</source>
        <translation>1 neues Treffen</translation>
    </message>
    <message>
        <source>{0} new meetings</source>
        <translation>{0} neue Treffen</translation>
    </message>
    <message>
        <source>1 changed meeting</source>
        <translation>1 geändertes Treffen</translation>
    </message>
    <message>
        <source>{0} changed meetings</source>
        <translation>{0} geänderte Treffen</translation>
    </message>
    <message>
        <source>1 agreement change</source>
        <translation>1 Änderung der Vereinbarung</translation>
    </message>
    <message>
        <source>{0} agreement changes</source>
        <translation>{0} Änderungen der Vereinbarung</translation>
    </message>
    <message>
        <source>the end of the mentoring</source>
        <translation>das Ende des Mentorings</translation>
    </message>
    <message>
        <source>1 other change</source>
        <translation>1 andere Änderung</translation>
    </message>
    <message>
        <source>{0} other changes</source>
        <translation>{0} andere Änderungen</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>{0} changes</source>
        <translation>{0} Änderungen</translation>
    </message>
</context>
<context>
    <name>TextBlock</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save as file…</source>
        <translation>Als Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save as file</source>
        <translation>Als Datei speichern</translation>
    </message>
    <message>
        <source>Copied. Paste it into an e-mail or message.</source>
        <translation>Kopiert. Fügen Sie es in eine E-Mail oder Nachricht ein.</translation>
    </message>
    <message>
        <source>mentorpair invitations (*{0});;All files (*)</source>
        <translation>mentorpair-Einladungen (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved. Send the file to your partner.</source>
        <translation>Gespeichert. Senden Sie die Datei an Ihr Gegenüber.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Mentorpair is locked</source>
        <translation>Mentorpair ist gesperrt</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your vault.</source>
        <translation>Geben Sie Ihre Passphrase ein, um Ihren Tresor zu öffnen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Meldung zum Entsperren</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Wird entsperrt</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Use it on this &amp;computer</source>
        <translation>Auf diesem &amp;Computer verwenden</translation>
    </message>
    <message>
        <source>Use it on this computer</source>
        <translation>Auf diesem Computer verwenden</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is “{0}”.</source>
        <translation>Dies ist der Demo-Tresor. Seine Passphrase lautet „{0}“.</translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation>Bitte geben Sie Ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault. Please wait {0} s before trying again.</source>
        <translation>Diese Passphrase öffnet diesen Tresor nicht. Bitte warten Sie {0} s, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Mentorpair</source>
        <translation>Willkommen bei Mentorpair</translation>
    </message>
    <message>
        <source>A private place for you and your mentoring partner: your notes, the agenda for your next meeting, and the goals you are working on.</source>
        <translation>Ein privater Ort für Sie und Ihr Gegenüber im Mentoring: Ihre Notizen, die Agenda für Ihr nächstes Treffen und die Ziele, an denen Sie arbeiten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost passphrase cannot be recovered.&lt;/b&gt; Nobody, not even the makers of Mentorpair, can open your vault without it. Write it down and keep it somewhere safe.</source>
        <translation>&lt;b&gt;Eine verlorene Passphrase lässt sich nicht wiederherstellen.&lt;/b&gt; Niemand, nicht einmal die Entwickler von Mentorpair, kann Ihren Tresor ohne sie öffnen. Schreiben Sie sie auf und bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>e.g. Dr Sam Patel</source>
        <translation>z. B. Dr. Sam Patel</translation>
    </message>
    <message>
        <source>As your mentoring partner will see it.</source>
        <translation>So, wie Ihr Gegenüber im Mentoring ihn sehen wird.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Meinen Tresor anlegen</translation>
    </message>
    <message>
        <source>Creating your vault</source>
        <translation>Ihr Tresor wird angelegt</translation>
    </message>
    <message>
        <source>Creating your vault…</source>
        <translation>Ihr Tresor wird angelegt…</translation>
    </message>
    <message>
        <source>Already using mentorpair on another computer? Link this one to it instead, and your pairs and notes come along.</source>
        <translation>Sie nutzen mentorpair schon auf einem anderen Computer? Verbinden Sie diesen stattdessen damit, dann kommen Ihre Tandems und Notizen mit.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What stays private&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Everything is kept in an encrypted vault on this computer, locked with a passphrase that only you know.&lt;/li&gt;&lt;li&gt;What you share with your partner is encrypted so that only the two of you can read it: not your scheme, not IT, not us.&lt;/li&gt;&lt;li&gt;Your private notes never leave your own computers.&lt;/li&gt;&lt;li&gt;Feedback to your mentoring scheme is anonymous, and you see exactly what is sent before it goes.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Was privat bleibt&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Alles liegt in einem verschlüsselten Tresor auf diesem Computer, gesichert mit einer Passphrase, die nur Sie kennen.&lt;/li&gt;&lt;li&gt;Was Sie mit Ihrem Gegenüber teilen, ist so verschlüsselt, dass nur Sie beide es lesen können: nicht Ihr Mentoring-Programm, nicht die IT, nicht wir.&lt;/li&gt;&lt;li&gt;Ihre privaten Notizen verlassen nie Ihre eigenen Computer.&lt;/li&gt;&lt;li&gt;Rückmeldungen an Ihr Mentoring-Programm sind anonym, und Sie sehen genau, was gesendet wird, bevor es hinausgeht.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>I &amp;already use mentorpair on another computer</source>
        <translation>Ich nutze mentorpair &amp;bereits woanders</translation>
    </message>
    <message>
        <source>I already use mentorpair on another computer</source>
        <translation>Ich nutze mentorpair bereits auf einem anderen Computer</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>Qt date pattern: short weekday, day, short month, year</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <comment>a span of months: October 2026 to January 2027</comment>
        <translation>{0} bis {1}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <comment>date, time</comment>
        <translation>{0}, {1} Uhr</translation>
    </message>
    <message>
        <source>Proposed</source>
        <comment>goal status</comment>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>goal status</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Achieved</source>
        <comment>goal status</comment>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>goal status</comment>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Dropped</source>
        <comment>goal status</comment>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>In person</source>
        <comment>meeting mode</comment>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>meeting mode</comment>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Video</source>
        <comment>meeting mode</comment>
        <translation>Video</translation>
    </message>
    <message>
        <source>Email</source>
        <comment>meeting mode</comment>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>You</source>
        <comment>who did something: the reader</comment>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Your mentee</source>
        <translation>Ihr Mentee</translation>
    </message>
    <message>
        <source>Your mentor</source>
        <translation>Ihr Mentor</translation>
    </message>
    <message>
        <source>Private — only me</source>
        <translation>Privat – nur ich</translation>
    </message>
    <message>
        <source>Shared with my partner</source>
        <translation>Mit meinem Gegenüber geteilt</translation>
    </message>
    <message>
        <source>Reflection — only me</source>
        <translation>Reflexion – nur ich</translation>
    </message>
    <message>
        <source>none</source>
        <comment>an empty goal field</comment>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>goal created</source>
        <translation>Ziel angelegt</translation>
    </message>
    <message>
        <source>milestone added: {0}</source>
        <translation>Meilenstein hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>milestone done: {0}</source>
        <translation>Meilenstein erledigt: {0}</translation>
    </message>
    <message>
        <source>milestone changed: {0}</source>
        <translation>Meilenstein geändert: {0}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>description edited</source>
        <translation>Beschreibung bearbeitet</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Hello, {0}</source>
        <extracomment>The pair being folded on a pool thread, and what to show in it once open.</extracomment>
        <translation>Hallo, {0}</translation>
    </message>
    <message>
        <source>This is a demonstration vault with invented people in it. It is encrypted like a real one and deleted when you quit.</source>
        <translation>Dies ist ein Demo-Tresor mit erfundenen Personen. Er ist wie ein echter verschlüsselt und wird beim Beenden gelöscht.</translation>
    </message>
    <message>
        <source>Everything here is encrypted on this computer and opens only with your passphrase.</source>
        <translation>Alles hier ist auf diesem Computer verschlüsselt und öffnet sich nur mit Ihrer Passphrase.</translation>
    </message>
    <message>
        <source>It locks after {0} minutes without use, or at once with Ctrl+L. Change this in Preferences.</source>
        <translation>Er sperrt sich nach {0} Minuten ohne Nutzung oder sofort mit Strg+L. Das können Sie in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; it was written to the log.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen; es wurde ins Protokoll geschrieben.</translation>
    </message>
</context>
<context>
    <name>YourComputersDialog</name>
    <message>
        <source>Your computers</source>
        <translation>Ihre Computer</translation>
    </message>
    <message>
        <source>The computers where you use mentorpair. Your partners see them all as you.</source>
        <translation>Die Computer, auf denen Sie mentorpair nutzen. Ihr Gegenüber im Tandem sieht sie alle als Sie.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Link another computer</source>
        <translation>Weiteren Computer verbinden</translation>
    </message>
    <message>
        <source>Lin&amp;k another computer…</source>
        <translation>Weiteren Computer ver&amp;binden…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Send your pairs…</source>
        <translation>Ihre Tandems &amp;senden…</translation>
    </message>
    <message>
        <source>Send your pairs to this computer</source>
        <translation>Ihre Tandems an diesen Computer senden</translation>
    </message>
    <message>
        <source>&amp;Take pairs from a file…</source>
        <translation>Tandems aus Datei &amp;übernehmen…</translation>
    </message>
    <message>
        <source>Take pairs from a file</source>
        <translation>Tandems aus einer Datei übernehmen</translation>
    </message>
    <message>
        <source>A pair you start or join after linking a computer is only on the computer where you made it. Choose the other computer above and send your pairs to it, then take them there from the file.</source>
        <translation>Ein Tandem, das Sie nach dem Verbinden eines Computers beginnen oder dem Sie beitreten, gibt es nur auf dem Computer, auf dem Sie es angelegt haben. Wählen Sie oben den anderen Computer, senden Sie ihm Ihre Tandems und übernehmen Sie sie dort aus der Datei.</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{0} — this computer</source>
        <translation>{0} — dieser Computer</translation>
    </message>
    <message>
        <source>{0} — removed</source>
        <translation>{0} — entfernt</translation>
    </message>
    <message>
        <source>To stop using this computer, remove it from another of your computers.</source>
        <translation>Um diesen Computer nicht mehr zu nutzen, entfernen Sie ihn von einem Ihrer anderen Computer aus.</translation>
    </message>
    <message>
        <source>The computer your vault was first made on cannot be removed.</source>
        <translation>Der Computer, auf dem Ihr Tresor angelegt wurde, kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>This computer was removed.</source>
        <translation>Dieser Computer wurde entfernt.</translation>
    </message>
    <message>
        <source>pairs for {0}</source>
        <translation>Tandems für {0}</translation>
    </message>
    <message>
        <source>Save your pairs for {0}</source>
        <translation>Ihre Tandems für {0} speichern</translation>
    </message>
    <message>
        <source>mentorpair pairs (*.mppairs);;All files (*)</source>
        <translation>mentorpair-Tandems (*.mppairs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving your pairs…</source>
        <translation>Ihre Tandems werden gespeichert…</translation>
    </message>
    <message>
        <source>Saved {0}. On {1}, open File ▸ Your computers and choose Take pairs from a file. Only that computer can open it; delete it afterwards.</source>
        <translation>{0} gespeichert. Öffnen Sie auf {1} Datei ▸ Ihre Computer und wählen Sie „Tandems aus Datei übernehmen“. Nur dieser Computer kann die Datei öffnen; löschen Sie sie danach.</translation>
    </message>
    <message>
        <source>Open the file of pairs from your other computer</source>
        <translation>Die Tandem-Datei von Ihrem anderen Computer öffnen</translation>
    </message>
    <message>
        <source>Taking the pairs…</source>
        <translation>Die Tandems werden übernommen…</translation>
    </message>
    <message>
        <source>This computer already has all the pairs in that file. Nothing was changed.</source>
        <translation>Dieser Computer hat bereits alle Tandems aus dieser Datei. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Took your pair with {0} from your other computer. To sync it here, choose its shared folder on its Partner tab.</source>
        <translation>Ihr Tandem mit {0} wurde von Ihrem anderen Computer übernommen. Damit es hier synchronisiert wird, wählen Sie seinen geteilten Ordner im Reiter „Gegenüber“.</translation>
    </message>
    <message>
        <source>Took {0} pairs from your other computer: {1}. To sync them here, choose each one&apos;s shared folder on its Partner tab.</source>
        <translation>{0} Tandems wurden von Ihrem anderen Computer übernommen: {1}. Damit sie hier synchronisiert werden, wählen Sie für jedes seinen geteilten Ordner im Reiter „Gegenüber“.</translation>
    </message>
    <message>
        <source>&lt;p&gt;From now on nothing is sent to {0}, and your partners’ mentorpair refuses any change it makes later.&lt;/p&gt;&lt;p&gt;&lt;b&gt;But it still holds your keys.&lt;/b&gt; If it was lost or stolen while unlocked, or someone knows its passphrase, whoever has it can read what you shared so far and act as you. Then set up mentorpair again on a computer you trust and pair with your partners again, with new keys.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ab jetzt wird nichts mehr an {0} gesendet, und das mentorpair Ihres Gegenübers im Tandem lehnt alle späteren Änderungen davon ab.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Er enthält aber weiterhin Ihre Schlüssel.&lt;/b&gt; Ging er entsperrt verloren, wurde er gestohlen oder kennt jemand seine Passphrase, kann diese Person lesen, was Sie bisher geteilt haben, und in Ihrem Namen handeln. Richten Sie mentorpair dann auf einem vertrauenswürdigen Computer neu ein und verbinden Sie Ihre Tandems mit neuen Schlüsseln erneut.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Remove {0}?</source>
        <translation>{0} entfernen?</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Nicht entfernt</translation>
    </message>
    <message>
        <source>{0} was removed. Your partners learn it with your next changes.</source>
        <translation>{0} wurde entfernt. Ihre Tandems erfahren es mit Ihren nächsten Änderungen.</translation>
    </message>
</context>
<context>
    <name>_TextAnswer</name>
    <message>
        <source>{0} of {1} characters</source>
        <translation>{0} von {1} Zeichen</translation>
    </message>
</context>
</TS>
