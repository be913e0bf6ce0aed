# English user interface texts for widunetz-bot (translated from locales/de/ui.ftl):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages,
# did-you-mean uses $count, privacy uses $recording ("on"/"off") and $days.
# Plain English (A2–B1), British spelling, "you"; Datenschutz = privacy;
# Ansprechpersonen = contact people; speichern = save.

language-name = English

## Welcome and help

welcome =
    Hello and welcome!
    I am a chat bot. I answer questions about the widunetz network: its history, goals, structure and contact people. I cannot give personal advice.
    Write your question in English, German, Turkish, Russian, Arabic, Ukrainian or Persian (Farsi/Dari). Or tap a topic.

help =
    How to use me:
    Just write your question in your own words.
    I only answer questions about the widunetz network. I cannot give personal advice.

    /topics – topics
    /contact – contact people
    /language – choose a language
    /privacy – privacy
    /forget – delete the saved language
    /help – help

topics-title = Please choose a topic:
topic-questions = Questions about “{ $topic }”:
did-you-mean =
    { $count ->
        [1] Did you mean this question?
       *[other] Did you mean one of these questions?
    }
no-match = Sorry, I do not have an answer to this question.
no-match-contacts = I only answer questions about the widunetz network. For questions about the network, you can contact these people:
related-title = You may also be interested in:
empty-question = I did not find any words in your message. Please write your question in words.
question-too-long = Your message was very long. I only read the beginning.

## Small talk

smalltalk-hello = Hello! Nice to have you here. Please ask me a question about widunetz.
smalltalk-greeting = You too! If you have a question about widunetz, you can write to me at any time.
smalltalk-thanks = You're welcome! Do you have another question?
smalltalk-bye = Goodbye! You can write to me again at any time.
smalltalk-who =
    I am a chat bot, that is, a computer program. I am not a human.
    I answer questions about the widunetz network.
    To talk to a person, phone the contact people or send them an email: /contact

## Language

language-changed = I will answer in English now.
language-unknown = Sorry, I do not know this language. You can choose: { $languages }
language-choose = Please choose your language:

## Errors and hints

error-generic = Something went wrong. Please try again.
unknown-command = I do not know this command. Type /help to see what I can do.
non-text-hint = I can only read written text. I do not understand voice messages, pictures or stickers. Please write your question.
entry-gone = This question no longer exists. Please choose again.
flood-notice = You are sending messages very fast. Please wait a moment.

## Local chat in the terminal

chat-intro =
    Local chat with the widunetz bot.
    Write a question and press Enter.
    /topics – show topics
    /language de|tr|ru|ar|en – choose a language
    /privacy – privacy
    /help – help
    /quit – end the chat
chat-no-token =
    TELOXIDE_TOKEN is not set. So a local chat starts here.
    For Telegram: set TELOXIDE_TOKEN (token from @BotFather) and start: widunetz-bot serve
chat-pick-number = You can also type the number of a question.
chat-bye = Goodbye!

## Command menu in Telegram (60 characters at most)

cmd-start = Welcome and topics
cmd-help = How to use the bot
cmd-topics = Show all topics
cmd-contact = widunetz contact people
cmd-language = Choose a language
cmd-privacy = Privacy: what the bot saves
cmd-forget = Delete the saved language

## Privacy

privacy =
    Privacy: what this bot saves

    1. Your language
    When you choose a language, the bot saves the language together with the number of this chat (chat ID). In a private chat, this is the number of your Telegram account.
    With /forget you can delete both.

    2. 👍 and 👎
    The bot counts how often 👍 and 👎 were pressed. It does not save who pressed them.

    3. Questions without a sure answer
    { $recording ->
        [on]
            Sometimes the bot has no sure answer to a question. Then it saves the text of the question, just as you wrote it. Only long numbers and email addresses are made unreadable. So names or a date in the question stay saved.
            The bot does not save your Telegram name or the chat ID with it.
            The people who run the bot read these questions to make the bot better.
            They can also add a question to the bot's questions as an example. Then it stays saved there.
            In the same way, the bot saves a question when you press 👎 for its answer. This way, the people who run the bot see which answer did not fit.
            A question is deleted when nobody has asked it for { $days ->
                [one] one day
               *[other] { $days } days
            }. /forget cannot delete these questions, because they are not linked to your chat.
            So please do not write personal data in your questions, for example your name, your address or your date of birth.
       *[off] The bot does not save these questions.
    }

    4. Your message
    The bot only saves your message until it has answered it. This usually takes a few seconds. Then it deletes it.
    The bot also remembers the buttons of its last answer and the language of your last question. This helps it to understand your next message better. If the bot saves questions (see point 3), it also remembers the last question it answered for you, in case you press 👎. This is not saved in a file, and it is deleted when you do not write anything for one day. With /forget you can delete it at once.

    Telegram saves the chat itself. Telegram's rules apply to this.
forget-done = Done. The saved language and the chat ID for this chat have been deleted.

## Buttons and feedback

button-back = ◀ Back
button-german = 🇩🇪 Show in German
button-topics = 📋 Topics
feedback-question = Was this helpful?
feedback-thanks = Thank you for your feedback!

## Commands for admins (only in chats that were named as admin at the start)

admin-reload-done = Reloaded. Content number { $generation } is now in use (warnings: { $warnings }).
admin-reload-failed = Not reloaded, errors: { $count }. The bot keeps answering with the old content.
admin-stats =
    Entries: { $entries }
    Languages: { $languages }
    Reloads since the start: { $generation }
    Chats with a chosen language: { $chats }
    Questions without an answer: { $unanswered } (times asked in total: { $asked })
    Feedback: 👍 { $up } · 👎 { $down }
admin-unanswered-none = There are no saved questions without an answer.
admin-feedback-none = There are no saved questions where 👎 was pressed for the answer.
admin-review-unanswered =
    Question { $pos } of { $total } without a sure answer (asked { $count }×, language: { $lang }):
    “{ $question }”
    Which answer does this question belong to?
admin-review-downvoted =
    Question { $pos } of { $total } with 👎 ({ $count }×, language: { $lang }):
    “{ $question }”
    The bot answered with “{ $title }”. Which answer does this question belong to?
admin-review-button-choose = Choose another answer …
admin-review-button-out-of-scope = 🚫 Not our topic
admin-review-button-skip = Skip ▶
admin-review-choose-title = Which answer does “{ $question }” belong to?
admin-review-added = Saved: the question now belongs to “{ $title }”.
admin-review-already = The question was already under “{ $title }”.
admin-review-added-out-of-scope = Saved: the question is now under “Not our topic”.
admin-review-already-out-of-scope = The question was already under “Not our topic”.
admin-review-now-answered = Asked again: the bot now answers with “{ $title }”. ✅
admin-review-now-no-match = Asked again: the bot now says that it has no answer to this and lists the contact people. ✅
admin-review-still-other = Asked again: the bot still answers with “{ $title }”. Maybe the question belongs there? If not, the chosen answer needs more questions with these words.
admin-review-still-suggestions = Asked again: the bot is still not sure and offers answers to choose from ({ $titles }). Adding one or two more similar questions will help.
admin-review-still-no-match = Asked again: the bot still finds no answer. Adding one or two more similar questions will help.
admin-review-still-smalltalk = Asked again: the bot thinks the question is small talk (a greeting, thanks, goodbye, a request for help or “Who are you?”).
admin-review-not-reloaded = Saved, but not reloaded: the content has errors ({ $count }). Please run “widunetz-bot check”.
admin-review-failed = Nothing saved: { $file } could not be read or written. Details are in the bot's log.
admin-review-failed-lang = Nothing saved: the bot has no language “{ $lang }” (the folder locales/{ $lang } is missing).
admin-review-outdated = This list is no longer up to date. Please send /unanswered or /feedback again.
admin-review-end = That was the last question on the list.
