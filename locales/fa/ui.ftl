# Persian (fa) user interface texts for widunetz-bot, translated from ../de/ui.ftl (German is the source of truth):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# `fa` is the written standard; Dari readers read it too (words shared by Iran and Afghanistan).
# The language is named فارسی/دری (language-name, welcome, language-changed) so Afghan users see
# their name for it (Dari) in the language menu as well.
# Variables: topic-questions uses $topic, language-unknown uses $languages,
# did-you-mean uses $count, privacy uses $recording ("on"/"off") and $days
# (Persian plural forms: one, other; the noun after a number stays singular: { $days } روز).
# Right to left: the bot keeps commands, names and numbers on Persian lines in reading order
# (src/bidi.rs); arrows are mirrored by hand: "back" is ▶ (check reports ◀).
# Terms: Chat-Bot = ربات چت; chat = چت; Datenschutz = حریم خصوصی; Befehl = دستور;
# Ansprechpersonen = مسئولان تماس; Thema = موضوع.

language-name = فارسی/دری

## Begrüßung und Hilfe

welcome =
    سلام، خوش آمدید!
    من یک ربات چت هستم. به سؤال‌ها دربارهٔ شبکهٔ widunetz جواب می‌دهم: تاریخچه، هدف‌ها، ساختار و مسئولان تماس. من نمی‌توانم مشاورهٔ شخصی بدهم.
    سؤال خود را به فارسی/دری بنویسید. به آلمانی، ترکی، روسی، عربی، انگلیسی یا اوکراینی هم می‌توانید بنویسید. یا یک موضوع را انتخاب کنید.

help =
    از من این‌طور استفاده کنید:
    کافی است سؤال خود را با کلمه‌های خودتان بنویسید.
    من فقط به سؤال‌ها دربارهٔ شبکهٔ widunetz جواب می‌دهم. من نمی‌توانم مشاورهٔ شخصی بدهم.

    /topics – موضوع‌ها
    /contact – مسئولان تماس
    /language – انتخاب زبان
    /privacy – حریم خصوصی
    /forget – پاک کردن زبان ذخیره‌شده
    /help – راهنما

topics-title = لطفاً یک موضوع انتخاب کنید:
topic-questions = سؤال‌های موضوع «{ $topic }»:
did-you-mean =
    { $count ->
        [1] آیا منظورتان این سؤال است؟
       *[other] آیا منظورتان یکی از این سؤال‌هاست؟
    }
no-match = ببخشید، برای این سؤال جوابی ندارم.
no-match-contacts = من فقط به سؤال‌ها دربارهٔ شبکهٔ widunetz جواب می‌دهم. اگر دربارهٔ شبکه سؤالی دارید، با این مسئولان تماس بگیرید:
related-title = شاید این‌ها هم برایتان جالب باشد:
empty-question = در پیام شما کلمه‌ای پیدا نکردم. لطفاً سؤال خود را با کلمه بنویسید.
question-too-long = پیام شما خیلی طولانی بود. من فقط بخش اول آن را خواندم.

## Smalltalk

smalltalk-hello = سلام! خوشحالم که این‌جا هستید. هر سؤالی دربارهٔ widunetz دارید، بپرسید.
smalltalk-greeting = همچنین! اگر سؤالی دربارهٔ widunetz دارید، هر وقت خواستید برایم بنویسید.
smalltalk-thanks = خواهش می‌کنم! سؤال دیگری هم دارید؟
smalltalk-bye = خدانگهدار! هر وقت خواستید، دوباره برایم بنویسید.
smalltalk-who =
    من یک ربات چت هستم، یعنی یک برنامهٔ کامپیوتری. انسان نیستم.
    به سؤال‌ها دربارهٔ شبکهٔ widunetz جواب می‌دهم.
    اگر می‌خواهید با یک انسان صحبت کنید، به مسئولان تماس زنگ بزنید یا برایشان ایمیل بفرستید:
    /contact

## Sprache

language-changed = از حالا به فارسی/دری جواب می‌دهم.
language-unknown = متأسفانه این زبان را نمی‌شناسم. این زبان‌ها را می‌توانید انتخاب کنید: { $languages }
language-choose = لطفاً زبان خود را انتخاب کنید:

## Fehler und Hinweise

error-generic = مشکلی پیش آمد. لطفاً دوباره امتحان کنید.
unknown-command =
    این دستور را نمی‌شناسم. برای دیدن کارهایی که می‌توانم بکنم، این را بفرستید:
    /help
non-text-hint = من فقط متن نوشته‌شده را می‌خوانم. پیام صوتی، عکس و استیکر را نمی‌فهمم. لطفاً سؤال خود را بنویسید.
entry-gone = این سؤال دیگر وجود ندارد. لطفاً دوباره انتخاب کنید.
flood-notice = شما خیلی سریع می‌نویسید. لطفاً کمی صبر کنید.

## Lokaler Chat im Terminal

chat-intro =
    چت محلی با ربات widunetz.
    یک سؤال بنویسید و دکمهٔ Enter را بزنید.
    /topics – نشان دادن موضوع‌ها
    /language de|tr|ru|ar|fa – انتخاب زبان
    /privacy – حریم خصوصی
    /help – راهنما
    /quit – پایان چت
chat-no-token =
    متغیر TELOXIDE_TOKEN تنظیم نشده است. برای همین، این‌جا یک چت محلی شروع می‌شود.
    برای تلگرام: متغیر TELOXIDE_TOKEN را تنظیم کنید (توکن را از ربات @BotFather بگیرید) و بعد این را اجرا کنید:
    widunetz-bot serve
chat-pick-number = می‌توانید شمارهٔ یک سؤال را هم بنویسید.
chat-bye = خدانگهدار!

## Befehlsmenü in Telegram (höchstens 60 Zeichen)

cmd-start = خوشامدگویی و موضوع‌ها
cmd-help = راهنمای استفاده
cmd-topics = نشان دادن همهٔ موضوع‌ها
cmd-contact = مسئولان تماس widunetz
cmd-language = انتخاب زبان
cmd-privacy = حریم خصوصی: ربات چه چیزی ذخیره می‌کند
cmd-forget = پاک کردن زبان ذخیره‌شده

## Datenschutz

privacy =
    حریم خصوصی: این ربات چه چیزهایی را ذخیره می‌کند؟

    1. زبان شما
    اگر یک زبان انتخاب کنید، ربات آن زبان را همراه با شمارهٔ این چت (Chat-ID) ذخیره می‌کند. در چت خصوصی، این شماره همان شمارهٔ حساب تلگرام شماست.
    با دستور /forget هر دو پاک می‌شوند.

    2. 👍 و 👎
    ربات می‌شمارد که چند بار 👍 و 👎 زده شده است. ذخیره نمی‌کند که چه کسی زده است.

    3. سؤال‌هایی که ربات برایشان جواب مطمئن نداشت
    { $recording ->
        [on]
            گاهی ربات برای یک سؤال جواب مطمئنی ندارد. آن وقت متن سؤال را همان‌طور که نوشته‌اید ذخیره می‌کند. فقط عددهای طولانی و آدرس‌های ایمیل پوشانده می‌شوند. پس اسم یا تاریخی که در سؤال باشد، ذخیره می‌ماند.
            ربات در این حالت اسم شما در تلگرام و شمارهٔ چت (Chat-ID) را ذخیره نمی‌کند.
            کسانی که ربات را اداره می‌کنند، این سؤال‌ها را می‌خوانند تا ربات را بهتر کنند.
            آن‌ها همچنین می‌توانند یک سؤال را به‌عنوان نمونه به سؤال‌های ربات اضافه کنند. در این صورت، آن سؤال همان‌جا ذخیره می‌ماند.
            اگر برای جواب یک سؤال 👎 بزنید، ربات آن سؤال را هم به همین شکل ذخیره می‌کند. این‌طور کسانی که ربات را اداره می‌کنند، می‌بینند کدام جواب مناسب نبوده است.
            اگر کسی یک سؤال را تا { $days ->
                [one] { $days } روز
               *[other] { $days } روز
            } دوباره نپرسد، آن سؤال پاک می‌شود. دستور /forget نمی‌تواند این سؤال‌ها را پاک کند، چون به چت شما وصل نیستند.
            پس لطفاً اطلاعات شخصی در سؤال‌هایتان ننویسید، مثلاً اسم، آدرس یا تاریخ تولدتان.
       *[off] ربات این سؤال‌ها را ذخیره نمی‌کند.
    }

    4. پیام شما
    ربات پیام شما را فقط تا وقتی ذخیره می‌کند که به آن جواب بدهد. این کار معمولاً چند ثانیه طول می‌کشد. بعد پیام را پاک می‌کند.
    علاوه بر این، ربات دکمه‌های آخرین جواب خود و زبان آخرین سؤال شما را به خاطر می‌سپارد. این‌طور پیام بعدی شما را بهتر می‌فهمد. اگر ربات سؤال‌ها را ذخیره می‌کند (بخش 3 را ببینید)، آخرین سؤال شما را هم که به آن جواب داده است به خاطر می‌سپارد، برای وقتی که 👎 بزنید. این‌ها در هیچ فایلی ذخیره نمی‌شوند و اگر یک روز کامل چیزی ننویسید، پاک می‌شوند. با دستور /forget این‌ها فوراً پاک می‌شوند.

    تلگرام (Telegram) خودش هم چت را ذخیره می‌کند. این کار طبق قوانین تلگرام است.
forget-done = انجام شد. زبان ذخیره‌شده و شمارهٔ این چت (Chat-ID) پاک شدند.

## Knöpfe und Rückmeldung

button-back = ▶ برگشت
button-german = 🇩🇪 نمایش به آلمانی
button-topics = 📋 موضوع‌ها
feedback-question = آیا این جواب مفید بود؟
feedback-thanks = از نظر شما تشکر می‌کنیم!

## Befehle für Admins (nur in Chats, die beim Start als Admin eingetragen sind)

admin-reload-done = دوباره بارگذاری شد. اکنون محتوای شمارهٔ { $generation } فعال است (هشدارها: { $warnings }).
admin-reload-failed = دوباره بارگذاری نشد، تعداد خطاها: { $count }. ربات با محتوای قبلی به جواب دادن ادامه می‌دهد.
admin-stats =
    سؤال و جواب‌ها: { $entries }
    زبان‌ها: { $languages }
    دفعات بارگذاری دوباره از زمان شروع: { $generation }
    چت‌هایی که زبان انتخاب کرده‌اند: { $chats }
    سؤال‌های بی‌جواب: { $unanswered } (روی هم { $asked } بار پرسیده شده)
    بازخوردها: 👍 { $up } · 👎 { $down }
admin-unanswered-none = هیچ سؤال بی‌جوابی ذخیره نشده است.
admin-feedback-none = هیچ سؤال ذخیره‌شده‌ای وجود ندارد که برای جوابش 👎 زده شده باشد.
admin-review-unanswered =
    سؤال { $pos } از { $total } بدون جواب مطمئن ({ $count } بار پرسیده شده، زبان: { $lang }):
    «{ $question }»
    این سؤال به کدام جواب مربوط است؟
admin-review-downvoted =
    سؤال { $pos } از { $total } با 👎 ({ $count } بار، زبان: { $lang }):
    «{ $question }»
    ربات جواب «{ $title }» را داد. این سؤال به کدام جواب مربوط است؟
admin-review-button-choose = انتخاب جواب دیگر …
admin-review-button-out-of-scope = 🚫 موضوع ما نیست
admin-review-button-skip = رد شدن
admin-review-choose-title = «{ $question }» به کدام جواب مربوط است؟
admin-review-added = ذخیره شد: این سؤال حالا به «{ $title }» مربوط است.
admin-review-already = این سؤال از قبل در «{ $title }» بود.
admin-review-added-out-of-scope = ذخیره شد: این سؤال حالا در «موضوع ما نیست» است.
admin-review-already-out-of-scope = این سؤال از قبل در «موضوع ما نیست» بود.
admin-review-now-answered = دوباره پرسیده شد: ربات حالا با «{ $title }» جواب می‌دهد. ✅
admin-review-now-no-match = دوباره پرسیده شد: ربات حالا می‌گوید که برای این سؤال جوابی ندارد و مسئولان تماس را نام می‌برد. ✅
admin-review-still-other = دوباره پرسیده شد: ربات هنوز با «{ $title }» جواب می‌دهد. شاید این سؤال به همان‌جا مربوط باشد؟ وگرنه جواب انتخاب‌شده به سؤال‌های بیشتری با این کلمه‌ها نیاز دارد.
admin-review-still-suggestions = دوباره پرسیده شد: ربات هنوز مطمئن نیست و چند جواب را برای انتخاب پیشنهاد می‌کند ({ $titles }). یکی دو سؤال مشابه دیگر کمک می‌کند.
admin-review-still-no-match = دوباره پرسیده شد: ربات هنوز جوابی پیدا نمی‌کند. یکی دو سؤال مشابه دیگر کمک می‌کند.
admin-review-still-smalltalk = دوباره پرسیده شد: ربات این سؤال را یک جملهٔ معمولی گفت‌وگو حساب می‌کند (سلام، تشکر، خداحافظی، درخواست کمک یا «تو کی هستی؟»).
admin-review-not-reloaded = ذخیره شد، اما دوباره بارگذاری نشد: محتوا خطا دارد (تعداد خطاها: { $count }). لطفاً «widunetz-bot check» را اجرا کنید.
admin-review-failed = چیزی ذخیره نشد: خواندن یا نوشتن { $file } ممکن نبود. جزئیات در لاگ (Log) ربات آمده است.
admin-review-failed-lang = چیزی ذخیره نشد: ربات زبان «{ $lang }» را ندارد (پوشهٔ locales/{ $lang } وجود ندارد).
admin-review-outdated = این فهرست دیگر به‌روز نیست. لطفاً /unanswered یا /feedback را دوباره بفرستید.
admin-review-end = این آخرین سؤال فهرست بود.
