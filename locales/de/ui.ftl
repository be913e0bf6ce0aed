# German user interface texts for widunetz-bot (source language and fallback):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages.

language-name = Deutsch

## Begrüßung und Hilfe

welcome =
    Hallo und herzlich willkommen!
    Ich bin der FAQ-Bot von widunetz. Ich beantworte Fragen zu widunetz: Geschichte, Ziele, Aufbau und Ansprechpartner.
    Schreiben Sie Ihre Frage auf Deutsch, Türkisch, Russisch oder Arabisch. Oder tippen Sie auf ein Thema.

help =
    So benutzen Sie mich:
    Schreiben Sie Ihre Frage einfach mit Ihren eigenen Worten.

    /topics – Themen
    /contact – Ansprechpartner
    /language – Sprache wählen
    /privacy – Datenschutz
    /forget – gespeicherte Einstellungen löschen
    /help – diese Hilfe

topics-title = Bitte wählen Sie ein Thema:
topic-questions = Fragen zum Thema „{ $topic }“:
did-you-mean = Meinten Sie vielleicht eine dieser Fragen?
no-match = Entschuldigung, auf diese Frage habe ich leider keine Antwort.
no-match-contacts = Diese Personen helfen Ihnen gern weiter:
related-title = Das könnte Sie auch interessieren:
empty-question = Ihre Nachricht ist leer. Bitte schreiben Sie eine Frage.
question-too-long = Ihre Nachricht war sehr lang. Ich habe nur den Anfang gelesen.

## Smalltalk

smalltalk-hello = Hallo! Schön, dass Sie da sind. Stellen Sie mir gern eine Frage zu widunetz.
smalltalk-thanks = Gern geschehen! Haben Sie noch eine Frage?
smalltalk-bye = Auf Wiedersehen! Sie können mir jederzeit wieder schreiben.
smalltalk-who =
    Ich bin der FAQ-Bot von widunetz.
    Ich bin ein Computerprogramm, kein Mensch.
    Ich beantworte Fragen über das Netzwerk.

## Sprache

language-changed = Ich antworte jetzt auf Deutsch.
language-unknown = Diese Sprache kenne ich leider nicht. Möglich sind: { $languages }
language-choose = Bitte wählen Sie Ihre Sprache:

## Fehler und Hinweise

error-generic = Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.
unknown-command = Diesen Befehl kenne ich nicht. Mit /help sehen Sie, was ich kann.
non-text-hint = Ich kann nur Text lesen. Bitte schreiben Sie Ihre Frage.
entry-gone = Diese Frage gibt es nicht mehr. Bitte wählen Sie noch einmal.
flood-notice = Sie schreiben sehr schnell. Bitte warten Sie einen Moment.

## Lokaler Chat im Terminal

chat-intro =
    Lokaler Chat mit dem widunetz-Bot.
    Schreiben Sie eine Frage und drücken Sie Enter.
    /topics – Themen zeigen
    /language de|tr|ru|ar – Sprache wählen
    /help – Hilfe
    /quit – Chat beenden
chat-no-token =
    TELOXIDE_TOKEN ist nicht gesetzt. Darum startet hier ein lokaler Chat.
    Für Telegram: Setzen Sie TELOXIDE_TOKEN (Token von @BotFather) und starten Sie: widunetz-bot serve
chat-pick-number = Sie können auch die Nummer einer Frage eingeben.
chat-bye = Auf Wiedersehen!

## Befehlsmenü in Telegram (höchstens 60 Zeichen)

cmd-start = Begrüßung und Themen
cmd-help = Hilfe zur Benutzung
cmd-topics = Alle Themen zeigen
cmd-contact = Ansprechpartner von widunetz
cmd-language = Sprache wählen
cmd-privacy = Datenschutz: Was der Bot speichert
cmd-forget = Gespeicherte Einstellungen löschen

## Datenschutz

privacy =
    Datenschutz: Das speichert dieser Bot
    • die Sprache, die in diesem Chat gewählt wurde – bis Sie /forget senden
    • anonyme Zählungen von 👍 und 👎 für jede Antwort
    • Fragen, auf die ich keine Antwort hatte – ohne Namen, ohne Nutzer-ID und ohne Chat-ID. Diese Fragen werden nach 90 Tagen gelöscht.
    • Ihre Nachricht nur so lange, bis sie beantwortet ist (meist wenige Sekunden). Dann wird sie gelöscht.

    Sonst speichert der Bot nichts.
    Mit /forget löschen Sie die gespeicherte Sprache.
forget-done = Erledigt. Die gespeicherte Sprache für diesen Chat ist gelöscht.

## Knöpfe und Rückmeldung

button-back = ◀ Zurück
button-german = 🇩🇪 Auf Deutsch zeigen
button-topics = 📋 Themen
feedback-question = War das hilfreich?
feedback-thanks = Danke für Ihre Rückmeldung!

## Befehle für Admins (nur in Chats, die beim Start als Admin eingetragen sind)

admin-reload-done = Neu geladen. Jetzt gilt der Inhalt Nummer { $generation } (Warnungen: { $warnings }).
admin-reload-failed = Nicht neu geladen, Fehler: { $count }. Der Bot antwortet weiter mit dem alten Inhalt.
admin-stats =
    Einträge: { $entries }
    Sprachen: { $languages }
    Neu geladen seit dem Start: { $generation }
    Chats mit gewählter Sprache: { $chats }
    Fragen ohne Antwort: { $unanswered } (zusammen { $asked }-mal gefragt)
    Rückmeldungen: 👍 { $up } · 👎 { $down }
admin-unanswered-none = Es gibt keine gespeicherten Fragen ohne Antwort.
admin-unanswered-title = Fragen ohne sichere Antwort, die häufigsten zuerst:
