# Arabic FAQ texts for widunetz-bot, translated from ../de/faq.ftl (German is the source of truth).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Plain text, no HTML/Markdown. Lines do not start with a Latin word and commands such as
# /contact stand at the start of a line, so right-to-left display keeps them readable.

## Topics

topic-about = عن widunetz
topic-history = التاريخ
topic-organisation = التنظيم
topic-participation = المشاركة
topic-contact = التواصل

## Über widunetz

faq-about-title = ما هي شبكة widunetz؟
faq-about-answer =
    شبكة widunetz تعمل في Kreis Herford (منطقة هيرفورد).
    الاسم الكامل هو: widunetz – Netzwerk für Integration & Vielfalt im Kreis Herford.
    ومعناه: شبكة للاندماج والتنوع في منطقة هيرفورد.

    في الشبكة تعمل مؤسسات معًا. كلها تعمل في مجال الهجرة والاندماج.
    في البداية كانت هذه المؤسسات: إدارة المنطقة، والمدن والبلديات، وجمعيات الرعاية الاجتماعية AWO و Caritas و Diakonie و DRK (الصليب الأحمر الألماني).
    تأسست الشبكة في 27.02.2008.
    يوجد الآن 48 عضوًا في مجموعة المشروع (Projektgruppe).

    الأهداف هي: الشفافية، والتشبيك، والتعاون.
    يعني: يجب أن يعرف الناس ما هي الخدمات الموجودة. ويجب أن تتعرف المؤسسات على بعضها وأن تعمل معًا.

faq-goals-title = ما هي أهداف الشبكة؟
faq-goals-answer =
    للشبكة هذه الأهداف:
    • الشفافية: يجب أن يعرف الجميع ما هي النشاطات والخدمات الموجودة في مجال الهجرة والاندماج.
    • التشبيك: يجب أن تتعرف المؤسسات على بعضها وأن تعمل معًا.
    • التوجيه حسب خطة: يجب أن يسير العمل حسب خطة.
    • الاهتمام بالمشاكل التي يواجهها المهاجرون والمهاجرات في حياتهم اليومية.
    • البحث عن حلول عامة لهذه المشاكل. حلول لا تخص مؤسسة واحدة فقط، بل تشمل مؤسسات كثيرة.
    • تنفيذ خطوات تجعل الاندماج والحياة اليومية أفضل للناس من أصول مهاجرة.

    الشعار هو: «الشفافية، والتشبيك، والتعاون».

faq-achievements-title = ماذا حققت الشبكة؟
faq-achievements-answer =
    بفضل العمل المشترك نشأت شبكة ثابتة:
    • في 27.02.2008 تم توقيع اتفاقية الشبكة (Netzwerkvereinbarung). هذه الاتفاقية هي اتفاق مشترك ومكتوب.
    • للشبكة تنظيم ثابت: مجموعة المشروع (Projektgruppe)، والمجموعة الأساسية (Kerngruppe)، ومجموعات العمل (Arbeitsgruppen).
    • تجتمع مجموعة المشروع بانتظام، من أربع إلى ست مرات في السنة. في الاجتماعات يتبادل الأعضاء المعلومات، ويخططون لنشاطات مشتركة.
    • زاد عدد الأعضاء باستمرار. يوجد الآن 48 عضوًا.
    • حتى قبل تأسيس الشبكة، في نهاية عام 2006، قامت جهة من خارج المشروع بفحص العمل في المشروع (تقييم خارجي). ووصفت التعاون بأنه «ثقافة مشاركة على قدم المساواة» (Beteiligungskultur auf gleicher Augenhöhe).

    لمعرفة المزيد، اسألوا السيدة Marie Chaput أو السيدة Iris Wolter:
    /contact

## Mitmachen

faq-benefits-title = ما هي فوائد التعاون؟
faq-benefits-answer =
    في الشبكة تعمل مؤسسات كثيرة معًا عن قرب. وبهذا تستطيع:
    • أن تتعرف على بعضها،
    • أن تتبادل المعلومات،
    • أن تتشاور في المواضيع الحالية،
    • أن تخطط لنشاطات مشتركة،
    • أن تبحث معًا عن حلول للمشاكل التي يواجهها المهاجرون والمهاجرات في حياتهم اليومية.

    الهدف هو: أن يصبح الاندماج والحياة اليومية أفضل للناس من أصول مهاجرة.
    لمعرفة المزيد، اسألوا السيدة Marie Chaput أو السيدة Iris Wolter:
    /contact

faq-join-title = كيف يمكن المشاركة في widunetz؟
faq-join-answer =
    للأسف، ليس عندي معلومات عن طريقة الانضمام كعضو.
    الشبكة تكبر باستمرار منذ تأسيسها. يوجد الآن 48 عضوًا في مجموعة المشروع (Projektgruppe).
    هل تريدون المشاركة أو التعاون مع الشبكة؟ من فضلكم اسألوا هاتين السيدتين، فهما المسؤولتان عن التواصل:

    Marie Chaput
    مركز الاندماج البلدي في Kreis Herford (Kommunales Integrationszentrum)
    الهاتف: 05221-131121
    البريد الإلكتروني: m.j.chaput@kreis-herford.de

    Iris Wolter
    خدمات AWO للهجرة والاندماج (AWO-Fachdienste für Migration und Integration)
    الهاتف: 05732-905211
    البريد الإلكتروني: fmi.loehne@awo-owl.de

## Geschichte

faq-founding-title = كيف تأسست شبكة widunetz؟
faq-founding-answer =
    تأسست شبكة widunetz في 27.02.2008. في هذا اليوم تم توقيع اتفاقية الشبكة (Netzwerkvereinbarung).

    قبل ذلك كان هناك مشروع اسمه «Migrationsvernetzung im Kreis Herford» (شبكة الهجرة في منطقة هيرفورد). بدأ المشروع في يوليو/تموز 2005.
    جاءت الفكرة من ثلاث جمعيات للرعاية الاجتماعية: Arbeiterwohlfahrt (AWO)، و Caritas (جمعية كاثوليكية)، و Diakonisches Werk (DW، جمعية بروتستانتية).
    قامت إدارة Kreis Herford بتنسيق المشروع. وأدارت المشروع مع جمعية AWO.
    في مجموعة المشروع (Projektgruppe) اتفق المشاركون على كل الخطوات المهمة، خلال أربع مراحل من المشروع.
    وهكذا نشأت الشبكة بعد حوالي سنتين ونصف من العمل المشترك.
    في المرحلة الخامسة من المشروع (2008) تم تنظيم الشبكة من جديد.

faq-funding-title = من موّل المشروع؟
faq-funding-answer =
    دعمت ولاية Nordrhein-Westfalen (شمال الراين وستفاليا) مشروع «Migrationsvernetzung im Kreis Herford». يعني: حصل المشروع على مال لمساعدته.
    جاء هذا الدعم منذ منتصف عام 2005 من برنامج «KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit» (برنامج دعم من ولاية شمال الراين وستفاليا لأفكار جديدة في عمل الاندماج في البلديات).
    الجهة التي حصلت على الدعم هي إدارة Kreis Herford (Förderungsempfänger).

    هذا الدعم انتهى الآن. يعني: لم يعد يأتي مال من هذا البرنامج.

faq-agreement-title = ما هي اتفاقية الشبكة؟
faq-agreement-answer =
    اتفاقية الشبكة (Netzwerkvereinbarung) هي اتفاق مشترك ومكتوب.
    تم توقيعها في 27.02.2008. وهذا هو اليوم الذي تأسست فيه شبكة widunetz.

    وقّع عليها:
    • كل رؤساء ورئيسات البلديات في Kreis Herford (منطقة هيرفورد)
    • رئيسة إدارة Kreis Herford (Landrätin)
    • رئيس فرع AWO (جمعية للرعاية الاجتماعية) في منطقة Ostwestfalen-Lippe
    • مديرة جمعية Caritas (جمعية كاثوليكية للرعاية الاجتماعية)
    • مدير فرع DRK (الصليب الأحمر الألماني) في Herford-Stadt
    • مدير Diakonie (جمعية بروتستانتية للرعاية الاجتماعية)
    • رئيس منتدى الهجرة (Fachforum Migration)

faq-evaluation-title = ماذا قال التقييم في نهاية عام 2006؟
faq-evaluation-answer =
    في نهاية عام 2006 قامت جهة من خارج المشروع بفحص العمل فيه. وهذا ما يسمى التقييم الخارجي.
    النتيجة: كان التعاون «ثقافة مشاركة على قدم المساواة» (Beteiligungskultur auf gleicher Augenhöhe).
    يعني: كل المشاركين عملوا معًا، وكان لهم نفس الحقوق.
    تشاوروا كثيرًا، وتبادلوا المعلومات.

    شارك في العمل: جمعيات الرعاية الاجتماعية (Träger der Freien Wohlfahrtspflege)، والبلديات، وإدارة المنطقة، ومؤسسات أخرى تعمل في مجال الهجرة.

## Aufbau

faq-structure-title = كيف تتكون شبكة widunetz؟
faq-structure-answer =
    في شبكة widunetz ثلاثة أنواع من المجموعات (Netzwerkorgane):
    • مجموعة المشروع (Projektgruppe): تجتمع من أربع إلى ست مرات في السنة. يتبادل فيها الأعضاء المعلومات، ويتشاورون، ويخططون لنشاطات مشتركة.
    • المجموعة الأساسية (Kerngruppe): تحضّر اجتماعات مجموعة المشروع.
    • مجموعات العمل (Arbeitsgruppen): يتم تشكيلها لمواضيع معينة.

    هذا التنظيم موجود منذ عام 2008. في ذلك الوقت تم تنظيم الشبكة من جديد، حسب اتفاقية الشبكة (Netzwerkvereinbarung) بتاريخ 27.02.2008.

faq-core-group-title = ماذا تفعل المجموعة الأساسية؟
faq-core-group-answer =
    المجموعة الأساسية (Kerngruppe) هي مجموعة في شبكة widunetz.
    عملها الأهم: تحضير اجتماعات مجموعة المشروع (Projektgruppe).
    يعني: تخطط للاجتماعات قبل موعدها، من ناحية المواضيع ومن ناحية الاستراتيجية (الخطة).

    في مجموعة المشروع الآن 48 عضوًا. تجتمع هذه المجموعة من أربع إلى ست مرات في السنة.
    لمزيد من المعلومات:
    /contact

faq-project-group-title = ماذا تفعل مجموعة المشروع؟
faq-project-group-answer =
    تجتمع مجموعة المشروع (Projektgruppe) بانتظام، من أربع إلى ست مرات في السنة.
    في الاجتماعات:
    • يتبادل الأعضاء المعلومات،
    • يتشاورون في المواضيع الحالية،
    • يخططون لنشاطات مشتركة.

    يوجد الآن 48 عضوًا في مجموعة المشروع.
    في البداية تكونت المجموعة من ممثلين وممثلات عن: إدارة المنطقة، والمدن والبلديات في المنطقة، وجمعيات الرعاية الاجتماعية AWO و Caritas و Diakonisches Werk (DW) و DRK (الصليب الأحمر الألماني).

faq-members-title = كم عدد الأعضاء في شبكة widunetz؟
faq-members-answer =
    منذ التأسيس يزيد عدد الأعضاء باستمرار.
    يوجد الآن 48 عضوًا في مجموعة المشروع (Projektgruppe) في شبكة widunetz.
    الأعضاء هم مؤسسات ومنظمات.

    في البداية تكوّنت مجموعة المشروع من هذه الجهات:
    • إدارة Kreis Herford (منطقة هيرفورد)
    • المدن والبلديات في المنطقة
    • جمعية Arbeiterwohlfahrt (AWO)، وهي جمعية ألمانية للرعاية الاجتماعية
    • جمعية Caritas، وهي جمعية كاثوليكية للرعاية الاجتماعية
    • جمعية Diakonisches Werk (Diakonie)، وهي جمعية بروتستانتية للرعاية الاجتماعية
    • جمعية DRK، وهي الصليب الأحمر الألماني

## Kontakt

faq-contact-title = بمن يمكن التواصل؟
faq-contact-answer =
    للتواصل مع شبكة widunetz يمكنكم التوجه إلى هاتين السيدتين:

    Marie Chaput
    مركز الاندماج البلدي في Kreis Herford (Kommunales Integrationszentrum)
    الهاتف: 05221-131121
    البريد الإلكتروني: m.j.chaput@kreis-herford.de

    Iris Wolter
    خدمات AWO للهجرة والاندماج (AWO-Fachdienste für Migration und Integration)
    الهاتف: 05732-905211
    البريد الإلكتروني: fmi.loehne@awo-owl.de

    يمكنكم الاتصال بالهاتف أو كتابة بريد إلكتروني (E-Mail).
