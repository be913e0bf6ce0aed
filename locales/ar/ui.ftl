# Arabic user interface texts for widunetz-bot, translated from ../de/ui.ftl (German is the source of truth):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages,
# did-you-mean uses $count, privacy uses $recording ("on"/"off") and $days.
# Right to left: the bot keeps commands, names and numbers on Arabic lines in reading order
# (src/bidi.rs); arrows are mirrored by hand: "back" is ▶ (check reports ◀).

language-name = العربية

## Begrüßung und Hilfe

welcome =
    أهلًا وسهلًا بكم!
    أنا بوت للمحادثة. أجيب عن أسئلة حول شبكة widunetz: تاريخها، وأهدافها، وتنظيمها، ومن يمكن التواصل معه. ولا أستطيع أن أقدم استشارة شخصية.
    اكتبوا سؤالكم بالألمانية، أو التركية، أو الروسية، أو العربية، أو الإنجليزية، أو الأوكرانية، أو الفارسية/الدرية. أو اختاروا موضوعًا.

help =
    طريقة الاستخدام:
    اكتبوا سؤالكم بكلماتكم، بكل بساطة.
    أجيب فقط عن أسئلة حول شبكة widunetz. ولا أستطيع أن أقدم استشارة شخصية.

    /topics – المواضيع
    /contact – التواصل
    /language – اختيار اللغة
    /privacy – حماية البيانات
    /forget – حذف اللغة المحفوظة
    /help – المساعدة

topics-title = من فضلكم اختاروا موضوعًا:
topic-questions = أسئلة في موضوع «{ $topic }»:
did-you-mean =
    { $count ->
        [1] هل تقصدون هذا السؤال؟
       *[other] هل تقصدون أحد هذه الأسئلة؟
    }
no-match = عذرًا، ليس عندي جواب عن هذا السؤال.
no-match-contacts = أجيب فقط عن أسئلة حول شبكة widunetz. إذا كان عندكم سؤال عن الشبكة، تواصلوا مع هاتين المسؤولتين:
related-title = قد يهمكم أيضًا:
empty-question = لم أجد كلمات في رسالتكم. من فضلكم اكتبوا سؤالكم بالكلمات.
question-too-long = رسالتكم طويلة جدًا، لذلك قرأتُ بدايتها فقط.

## Smalltalk

smalltalk-hello = مرحبًا! يسعدني وجودكم هنا. تفضلوا، اسألوني أي سؤال عن widunetz.
smalltalk-greeting = ولكم أيضًا! إذا كان عندكم سؤال عن widunetz، يمكنكم الكتابة لي في أي وقت.
smalltalk-thanks = على الرحب والسعة! هل عندكم سؤال آخر؟
smalltalk-bye = مع السلامة! يمكنكم الكتابة لي مرة أخرى في أي وقت.
smalltalk-who =
    أنا بوت للمحادثة، يعني برنامج كمبيوتر، ولست إنسانًا.
    أجيب عن أسئلة حول شبكة widunetz.
    للتحدث مع إنسان، اتصلوا بالمسؤولتين عن التواصل أو أرسلوا لهما بريدًا إلكترونيًا:
    /contact

## Sprache

language-changed = سأجيب الآن باللغة العربية.
language-unknown = للأسف لا أعرف هذه اللغة. اللغات المتاحة: { $languages }
language-choose = من فضلكم اختاروا لغتكم:

## Fehler und Hinweise

error-generic = حدث خطأ. من فضلكم حاولوا مرة أخرى.
unknown-command =
    لا أعرف هذا الأمر. لتعرفوا ماذا أستطيع أن أفعل، أرسلوا:
    /help
non-text-hint = أستطيع قراءة الرسائل المكتوبة فقط، ولا أفهم الرسائل الصوتية أو الصور أو الملصقات. من فضلكم اكتبوا سؤالكم.
entry-gone = هذا السؤال لم يعد موجودًا. من فضلكم اختاروا مرة أخرى.
flood-notice = أنتم تكتبون بسرعة كبيرة. من فضلكم انتظروا قليلًا.

## Lokaler Chat im Terminal

chat-intro =
    محادثة محلية مع بوت widunetz.
    اكتبوا سؤالًا ثم اضغطوا على زر Enter.
    /topics – عرض المواضيع
    /language de|tr|ru|ar – اختيار اللغة
    /privacy – حماية البيانات
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
cmd-contact = التواصل مع widunetz
cmd-language = اختيار اللغة
cmd-privacy = حماية البيانات: ماذا يحفظ البوت
cmd-forget = حذف اللغة المحفوظة

## حماية البيانات

privacy =
    حماية البيانات: ماذا يحفظ هذا البوت؟

    1. لغتكم
    إذا اخترتم لغة، يحفظ البوت هذه اللغة مع رقم هذه المحادثة. في المحادثة الخاصة هذا الرقم هو رقم حسابكم في تيليغرام.
    بالأمر /forget تحذفون اللغة والرقم معًا.

    2. 👍 و 👎
    يعدّ البوت كم مرة ضُغط على 👍 و 👎. ولا يحفظ من ضغط.

    3. الأسئلة التي لم يكن عند البوت جواب أكيد عنها
    { $recording ->
        [on]
            أحيانًا لا يكون عند البوت جواب أكيد عن سؤال. عندها يحفظ نص السؤال كما كتبتموه. تُخفى فقط الأرقام الطويلة وعناوين البريد الإلكتروني. لذلك إذا كان في السؤال اسم أو تاريخ، فإنه يُحفظ أيضًا.
            ولا يحفظ البوت مع السؤال اسمكم في تيليغرام، ولا رقم المحادثة.
            يقرأ مشغّلو البوت هذه الأسئلة لتحسين البوت.
            ويمكنهم أيضًا أن يضيفوا سؤالًا إلى أسئلة البوت كمثال، وعندها يبقى محفوظًا هناك.
            وبالطريقة نفسها يحفظ البوت سؤالكم إذا ضغطتم على 👎 تحت إجابته، حتى يرى مشغّلو البوت أي إجابة لم تكن مناسبة.
            يُحذف السؤال إذا لم يسأله أحد لمدة { $days ->
                [zero] { $days } يوم
                [one] يوم واحد
                [two] يومين
                [few] { $days } أيام
                [many] { $days } يومًا
               *[other] { $days } يوم
            }. لا يستطيع الأمر /forget حذف هذه الأسئلة، لأنها غير مرتبطة بمحادثتكم.
            لذلك من فضلكم لا تكتبوا في أسئلتكم معلومات شخصية، مثل اسمكم أو عنوانكم أو تاريخ ميلادكم.
       *[off] البوت لا يحفظ هذه الأسئلة.
    }

    4. رسالتكم
    يحفظ البوت رسالتكم فقط إلى أن يجيب عنها، وهذا يستغرق في العادة بضع ثوانٍ. بعد ذلك يحذفها.
    ويتذكر البوت أيضًا أزرار جوابه الأخير ولغة سؤالكم الأخير، حتى يفهم رسالتكم التالية بشكل أفضل. وإذا كان البوت يحفظ الأسئلة (انظروا النقطة 3)، يتذكر أيضًا سؤالكم الأخير الذي أجاب عنه، في حال ضغطتم على 👎. لا يُحفظ هذا في ملف، ويُحذف إذا لم تكتبوا شيئًا لمدة يوم. بالأمر /forget تحذفونه فورًا.

    تطبيق تيليغرام (Telegram) نفسه يحفظ المحادثة، وتنطبق على ذلك قواعد تيليغرام.
forget-done = تم. حُذفت اللغة المحفوظة ورقم هذه المحادثة.

## الأزرار والتقييم

button-back = ▶ رجوع
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
admin-feedback-none = لا توجد أسئلة محفوظة ضُغط على 👎 تحت إجابتها.
admin-review-unanswered =
    السؤال { $pos } من { $total } بلا إجابة مؤكدة (سُئل { $count }×، اللغة: { $lang }):
    «{ $question }»
    إلى أي إجابة ينتمي هذا السؤال؟
admin-review-downvoted =
    السؤال { $pos } من { $total } بتقييم 👎 ({ $count }×، اللغة: { $lang }):
    «{ $question }»
    أجاب البوت بـ«{ $title }». إلى أي إجابة ينتمي هذا السؤال؟
admin-review-button-choose = اختيار إجابة أخرى …
admin-review-button-out-of-scope = 🚫 ليس من مواضيعنا
admin-review-button-skip = تخطّي
admin-review-choose-title = إلى أي إجابة ينتمي السؤال «{ $question }»؟
admin-review-added = تم الحفظ: السؤال ينتمي الآن إلى «{ $title }».
admin-review-already = هذا السؤال موجود من قبل في «{ $title }».
admin-review-added-out-of-scope = تم الحفظ: السؤال الآن في قائمة «ليس من مواضيعنا».
admin-review-already-out-of-scope = هذا السؤال موجود من قبل في قائمة «ليس من مواضيعنا».
admin-review-now-answered = جرّبنا السؤال من جديد: البوت يجيب الآن بـ«{ $title }». ✅
admin-review-now-no-match = جرّبنا السؤال من جديد: البوت يقول الآن إنه لا يملك إجابة عن هذا، ويذكر المسؤولتين عن التواصل. ✅
admin-review-still-other = جرّبنا السؤال من جديد: البوت ما زال يجيب بـ«{ $title }». هل ينتمي السؤال ربما إلى هذه الإجابة؟ إن لم يكن كذلك، أضيفوا إلى الإجابة المختارة أسئلة أخرى بهذه الكلمات.
admin-review-still-suggestions = جرّبنا السؤال من جديد: البوت ما زال غير متأكد ويعرض إجابات للاختيار ({ $titles }). من المفيد إضافة سؤال أو سؤالين مشابهين.
admin-review-still-no-match = جرّبنا السؤال من جديد: البوت ما زال لا يجد إجابة. من المفيد إضافة سؤال أو سؤالين مشابهين.
admin-review-still-smalltalk = جرّبنا السؤال من جديد: البوت يظن أن السؤال كلام عادي من المحادثة (تحية، أو شكر، أو وداع، أو طلب مساعدة، أو «من أنت؟»).
admin-review-not-reloaded = تم الحفظ، لكن لم يُعَد التحميل: في المحتوى أخطاء ({ $count }). يُرجى تشغيل «widunetz-bot check».
admin-review-failed = لم يُحفظ شيء: تعذّرت قراءة { $file } أو الكتابة فيه. التفاصيل في سجل البوت.
admin-review-failed-lang = لم يُحفظ شيء: لا توجد عند البوت لغة «{ $lang }» (المجلد locales/{ $lang } غير موجود).
admin-review-outdated = هذه القائمة لم تعد محدّثة. يُرجى إرسال /unanswered أو /feedback من جديد.
admin-review-end = كان هذا آخر سؤال في القائمة.
