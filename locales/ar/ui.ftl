# Arabic user interface texts for widunetz-bot, translated from ../de/ui.ftl (German is the source of truth):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages.
# Commands such as /help stand at the start of a line, so right-to-left display keeps them readable.

language-name = العربية

## Begrüßung und Hilfe

welcome =
    أهلًا وسهلًا بكم!
    أنا بوت الأسئلة الشائعة لشبكة widunetz. أجيب عن أسئلة حول widunetz: تاريخها، وأهدافها، وتنظيمها، والأشخاص المسؤولين عن التواصل.
    اكتبوا سؤالكم بالألمانية، أو التركية، أو الروسية، أو العربية. أو اضغطوا على موضوع.

help =
    طريقة الاستخدام:
    اكتبوا سؤالكم بكلماتكم الخاصة، بكل بساطة.

    /topics – المواضيع
    /contact – الأشخاص المسؤولون عن التواصل
    /language – اختيار اللغة
    /privacy – حماية البيانات
    /forget – حذف الإعدادات المحفوظة
    /help – هذه المساعدة

topics-title = من فضلكم اختاروا موضوعًا:
topic-questions = أسئلة عن موضوع «{ $topic }»:
did-you-mean = هل تقصدون أحد هذه الأسئلة؟
no-match = عذرًا، ليس عندي جواب عن هذا السؤال.
no-match-contacts = هؤلاء الأشخاص يساعدونكم بكل سرور:
related-title = قد يهمكم أيضًا:
empty-question = رسالتكم فارغة. من فضلكم اكتبوا سؤالًا.
question-too-long = رسالتكم طويلة جدًا. قرأت بدايتها فقط.

## Smalltalk

smalltalk-hello = مرحبًا! يسعدني وجودكم هنا. تفضلوا، اسألوني أي سؤال عن widunetz.
smalltalk-thanks = على الرحب والسعة! هل عندكم سؤال آخر؟
smalltalk-bye = مع السلامة! يمكنكم الكتابة لي مرة أخرى في أي وقت.
smalltalk-who =
    أنا بوت الأسئلة الشائعة لشبكة widunetz.
    أنا برنامج كمبيوتر، ولست إنسانًا.
    أجيب عن أسئلة حول هذه الشبكة.

## Sprache

language-changed = سأجيب الآن باللغة العربية.
language-unknown = للأسف لا أعرف هذه اللغة. اللغات الممكنة: { $languages }
language-choose = من فضلكم اختاروا لغتكم:

## Fehler und Hinweise

error-generic = حدث خطأ. من فضلكم حاولوا مرة أخرى.
unknown-command =
    لا أعرف هذا الأمر. لتعرفوا ماذا أستطيع أن أفعل، أرسلوا:
    /help
non-text-hint = أستطيع قراءة النص المكتوب فقط. من فضلكم اكتبوا سؤالكم.
entry-gone = هذا السؤال لم يعد موجودًا. من فضلكم اختاروا مرة أخرى.
flood-notice = أنتم تكتبون بسرعة كبيرة. من فضلكم انتظروا قليلًا.

## Lokaler Chat im Terminal

chat-intro =
    محادثة محلية مع بوت widunetz.
    اكتبوا سؤالًا ثم اضغطوا على زر Enter.
    /topics – عرض المواضيع
    /language de|tr|ru|ar – اختيار اللغة
    /help – المساعدة
    /quit – إنهاء المحادثة
chat-no-token =
    المتغير TELOXIDE_TOKEN غير محدد. لذلك تبدأ هنا محادثة محلية.
    لاستخدام Telegram: عيّنوا TELOXIDE_TOKEN (الرمز من @BotFather)، ثم شغّلوا: widunetz-bot serve
chat-pick-number = يمكنكم أيضًا كتابة رقم السؤال.
chat-bye = مع السلامة!

## Befehlsmenü in Telegram (höchstens 60 Zeichen)

cmd-start = الترحيب والمواضيع
cmd-help = طريقة الاستخدام
cmd-topics = عرض كل المواضيع
cmd-contact = الأشخاص المسؤولون عن التواصل في widunetz
cmd-language = اختيار اللغة
cmd-privacy = حماية البيانات: ماذا يحفظ البوت
cmd-forget = حذف الإعدادات المحفوظة

## حماية البيانات

privacy =
    حماية البيانات: هذا ما يحفظه البوت
    • اللغة التي اخترتموها في هذه المحادثة، إلى أن تحذفوها
    • كم مرة ضغط الناس على 👍 و 👎 لكل جواب، بدون أسماء
    • الأسئلة التي لم يكن عندي جواب لها، بدون اسم، وبدون رقم المستخدم، وبدون رقم المحادثة. يتم حذف هذه الأسئلة بعد 90 يومًا.
    • رسالتكم، فقط إلى أن يصلكم الجواب (في العادة بضع ثوانٍ). بعد ذلك تُحذف.

    البوت لا يحفظ أي شيء آخر.
    لحذف اللغة المحفوظة، أرسلوا:
    /forget
forget-done = تم. حُذفت اللغة المحفوظة لهذه المحادثة.

## الأزرار والتقييم

button-back = ◀ رجوع
button-german = 🇩🇪 عرض بالألمانية
button-topics = 📋 المواضيع
feedback-question = هل كان هذا مفيدًا؟
feedback-thanks = شكرًا على رأيكم!

## أوامر المشرفين (فقط في محادثات المشرفين المحددة عند التشغيل)

admin-reload-done = تمت إعادة التحميل. يُستخدم الآن المحتوى رقم { $generation } (عدد التحذيرات: { $warnings }).
admin-reload-failed = لم تتم إعادة التحميل، عدد الأخطاء: { $count }. البوت يواصل الإجابة بالمحتوى القديم.
admin-stats =
    عدد الأسئلة والأجوبة: { $entries }
    اللغات: { $languages }
    عدد مرات إعادة التحميل منذ التشغيل: { $generation }
    عدد المحادثات التي اختيرت فيها لغة: { $chats }
    أسئلة بلا إجابة: { $unanswered } (عدد مرات السؤال: { $asked })
    التقييمات: 👍 { $up } · 👎 { $down }
admin-unanswered-none = لا توجد أسئلة محفوظة بلا إجابة.
admin-unanswered-title = أسئلة بلا إجابة مؤكدة، الأكثر تكرارًا أولًا:
