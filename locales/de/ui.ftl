# German user interface texts for widunetz-bot (source language and fallback):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages,
# did-you-mean uses $count (how many questions follow), privacy uses $recording
# ("on" or "off": are questions without a sure answer recorded?) and $days (how many days
# such a question is kept after it was last asked; set with --keep-unanswered-days).

language-name = Deutsch

## Begrüßung und Hilfe

welcome =
    Hallo und herzlich willkommen!
    Ich bin ein Chat-Bot. Ich beantworte Fragen über das Netzwerk widunetz: Geschichte, Ziele, Aufbau und Ansprechpersonen. Persönliche Beratung kann ich nicht geben.
    Schreiben Sie Ihre Frage auf Deutsch, Türkisch, Russisch, Arabisch, Englisch, Ukrainisch oder Persisch (Farsi/Dari). Oder tippen Sie auf ein Thema.

help =
    So benutzen Sie mich:
    Schreiben Sie Ihre Frage einfach mit Ihren eigenen Worten.
    Ich beantworte nur Fragen über das Netzwerk widunetz. Persönliche Beratung kann ich nicht geben.

    /topics – Themen
    /contact – Ansprechpersonen
    /language – Sprache wählen
    /privacy – Datenschutz
    /forget – gespeicherte Sprache löschen
    /help – Hilfe

topics-title = Bitte wählen Sie ein Thema:
topic-questions = Fragen zum Thema „{ $topic }“:
did-you-mean =
    { $count ->
        [1] Meinten Sie vielleicht diese Frage?
       *[other] Meinten Sie vielleicht eine dieser Fragen?
    }
no-match = Entschuldigung, auf diese Frage habe ich leider keine Antwort.
no-match-contacts = Ich beantworte nur Fragen über das Netzwerk widunetz. Bei Fragen zum Netzwerk erreichen Sie diese Ansprechpersonen:
related-title = Das könnte Sie auch interessieren:
empty-question = In Ihrer Nachricht habe ich keine Wörter gefunden. Bitte schreiben Sie Ihre Frage in Worten.
question-too-long = Ihre Nachricht war sehr lang. Ich habe nur den Anfang gelesen.

## Smalltalk

smalltalk-hello = Hallo! Schön, dass Sie da sind. Stellen Sie mir gern eine Frage zu widunetz.
smalltalk-greeting = Ihnen auch! Wenn Sie eine Frage zu widunetz haben, können Sie mir jederzeit schreiben.
smalltalk-thanks = Gern geschehen! Haben Sie noch eine Frage?
smalltalk-bye = Auf Wiedersehen! Sie können mir jederzeit wieder schreiben.
smalltalk-who =
    Ich bin ein Chat-Bot, also ein Computerprogramm. Ich bin kein Mensch.
    Ich beantworte Fragen über das Netzwerk widunetz.
    Mit einem Menschen sprechen Sie, wenn Sie die Ansprechpersonen anrufen oder ihnen eine E-Mail schreiben: /contact

## Sprache

language-changed = Ich antworte jetzt auf Deutsch.
language-unknown = Diese Sprache kenne ich leider nicht. Möglich sind: { $languages }
language-choose = Bitte wählen Sie Ihre Sprache:

## Fehler und Hinweise

error-generic = Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.
unknown-command = Diesen Befehl kenne ich nicht. Mit /help sehen Sie, was ich kann.
non-text-hint = Ich kann nur geschriebenen Text lesen. Sprachnachrichten, Bilder und Sticker verstehe ich nicht. Bitte schreiben Sie Ihre Frage.
entry-gone = Diese Frage gibt es nicht mehr. Bitte wählen Sie noch einmal.
flood-notice = Sie schreiben sehr schnell. Bitte warten Sie einen Moment.

## Lokaler Chat im Terminal

chat-intro =
    Lokaler Chat mit dem widunetz-Bot.
    Schreiben Sie eine Frage und drücken Sie Enter.
    /topics – Themen zeigen
    /language de|tr|ru|ar – Sprache wählen
    /privacy – Datenschutz
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
cmd-contact = Ansprechpersonen von widunetz
cmd-language = Sprache wählen
cmd-privacy = Datenschutz: Was der Bot speichert
cmd-forget = Gespeicherte Sprache löschen

## Datenschutz

privacy =
    Datenschutz: Das speichert dieser Bot

    1. Ihre Sprache
    Wenn Sie eine Sprache wählen, speichert der Bot die Sprache zusammen mit der Nummer dieses Chats (Chat-ID). In einem privaten Chat ist das die Nummer Ihres Telegram-Kontos.
    Mit /forget löschen Sie beides.

    2. 👍 und 👎
    Der Bot zählt, wie oft 👍 und 👎 gedrückt wurde. Wer gedrückt hat, speichert er nicht.

    3. Fragen ohne sichere Antwort
    { $recording ->
        [on]
            Manchmal hat der Bot auf eine Frage keine sichere Antwort. Dann speichert er den Text der Frage, so wie Sie ihn geschrieben haben. Nur lange Zahlen und E-Mail-Adressen werden unkenntlich gemacht. Namen oder ein Datum in der Frage bleiben also gespeichert.
            Der Bot speichert dabei nicht Ihren Namen aus Telegram und auch nicht die Chat-ID.
            Die Betreiber des Bots lesen diese Fragen, um den Bot zu verbessern.
            Die Betreiber können eine Frage auch als Beispiel in die Fragen des Bots aufnehmen. Dann bleibt sie dort gespeichert.
            Genauso speichert der Bot eine Frage, wenn Sie bei ihrer Antwort 👎 drücken. So sehen die Betreiber, welche Antwort nicht gepasst hat.
            Eine Frage wird gelöscht, wenn sie { $days ->
                [one] einen Tag
               *[other] { $days } Tage
            } lang nicht mehr gestellt wurde. /forget kann diese Fragen nicht löschen, weil sie nicht mit Ihrem Chat verbunden sind.
            Bitte schreiben Sie darum keine persönlichen Daten in Ihre Fragen, zum Beispiel Ihren Namen, Ihre Adresse oder Ihr Geburtsdatum.
       *[off] Diese Fragen speichert der Bot nicht.
    }

    4. Ihre Nachricht
    Der Bot speichert Ihre Nachricht nur so lange, bis er sie beantwortet hat. Meistens sind das wenige Sekunden. Dann löscht er sie.
    Außerdem merkt sich der Bot die Knöpfe seiner letzten Antwort und die Sprache Ihrer letzten Frage. So versteht er Ihre nächste Nachricht besser. Wenn der Bot Fragen speichert (siehe 3.), merkt er sich auch Ihre letzte beantwortete Frage, für den Fall, dass Sie 👎 drücken. Das wird nicht in einer Datei gespeichert und ist gelöscht, wenn Sie einen Tag lang nichts schreiben. Mit /forget löschen Sie es sofort.

    Telegram speichert den Chat selbst. Dafür gelten die Regeln von Telegram.
forget-done = Erledigt. Die gespeicherte Sprache und die Chat-ID für diesen Chat sind gelöscht.

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
admin-feedback-none = Es gibt keine gespeicherten Fragen, bei deren Antwort 👎 gedrückt wurde.
admin-review-unanswered =
    Frage { $pos } von { $total } ohne sichere Antwort ({ $count }× gefragt, Sprache: { $lang }):
    „{ $question }“
    Zu welcher Antwort gehört diese Frage?
admin-review-downvoted =
    Frage { $pos } von { $total } mit 👎 ({ $count }×, Sprache: { $lang }):
    „{ $question }“
    Der Bot hat mit „{ $title }“ geantwortet. Zu welcher Antwort gehört diese Frage?
admin-review-button-choose = Andere Antwort wählen …
admin-review-button-out-of-scope = 🚫 Nicht unser Thema
admin-review-button-skip = Überspringen ▶
admin-review-choose-title = Zu welcher Antwort gehört „{ $question }“?
admin-review-added = Gespeichert: Die Frage gehört jetzt zu „{ $title }“.
admin-review-already = Die Frage stand schon bei „{ $title }“.
admin-review-added-out-of-scope = Gespeichert: Die Frage steht jetzt bei „Nicht unser Thema“.
admin-review-already-out-of-scope = Die Frage stand schon bei „Nicht unser Thema“.
admin-review-now-answered = Neu gefragt: Der Bot antwortet jetzt mit „{ $title }“. ✅
admin-review-now-no-match = Neu gefragt: Der Bot sagt jetzt, dass er dazu keine Antwort hat, und nennt die Ansprechpersonen. ✅
admin-review-still-other = Neu gefragt: Der Bot antwortet noch mit „{ $title }“. Gehört die Frage vielleicht dorthin? Sonst braucht die gewählte Antwort mehr Fragen mit diesen Worten.
admin-review-still-suggestions = Neu gefragt: Der Bot ist noch unsicher und bietet Antworten zur Auswahl an ({ $titles }). Ein oder zwei ähnliche Fragen mehr helfen.
admin-review-still-no-match = Neu gefragt: Der Bot findet noch keine Antwort. Ein oder zwei ähnliche Fragen mehr helfen.
admin-review-still-smalltalk = Neu gefragt: Der Bot hält die Frage für Small Talk (Begrüßung, Dank, Abschied, Bitte um Hilfe oder „Wer bist du?“).
admin-review-not-reloaded = Gespeichert, aber nicht neu geladen: Der Inhalt hat Fehler ({ $count }). Bitte „widunetz-bot check“ ausführen.
admin-review-failed = Nichts gespeichert: { $file } konnte nicht gelesen oder geschrieben werden. Details stehen im Log des Bots.
admin-review-failed-lang = Nichts gespeichert: Der Bot hat keine Sprache „{ $lang }“ (es fehlt der Ordner locales/{ $lang }).
admin-review-outdated = Diese Liste ist nicht mehr aktuell. Bitte /unanswered oder /feedback neu senden.
admin-review-end = Das war die letzte Frage der Liste.
