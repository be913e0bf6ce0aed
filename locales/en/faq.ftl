# English FAQ texts for widunetz-bot (translated from locales/de/faq.ftl).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Facts come only from the seed texts in ../shared/seed. Plain text, no HTML/Markdown.
# Plain English (CEFR A2–B1), British spelling (organisation, programme, centre), no
# contractions except fixed phrases ("You're welcome"). Address: "you".
# Terms: Kreis Herford = the Herford district (the area) / the Herford district administration
# (the authority); Einrichtungen = organisations; Angebote = services; Vernetzung = networking;
# Zusammenarbeit = cooperation; Ansprechpersonen = contact people; Sitzung = meeting;
# Projektgruppe = project group; Kerngruppe = core group; Arbeitsgruppen = working groups;
# Netzwerkvereinbarung = network agreement; externe Evaluation = external evaluation;
# Menschen mit Einwanderungsgeschichte / Migrantinnen und Migranten = migrants and their
# families / migrants; Städte und Gemeinden = towns and municipalities.
# Gaps ("steht nicht in meinen Informationen") = "My information does not say …".

## Topics

topic-about = About widunetz
topic-history = History
topic-organisation = Structure
topic-participation = Taking part
topic-contact = Contact

## About widunetz

faq-about-title = What is widunetz?
faq-about-answer =
    widunetz is a network in the Herford district (Kreis Herford). The district is an area with several towns and municipalities.
    The full name is: widunetz – Netzwerk für Integration & Vielfalt im Kreis Herford.
    In English: Network for Integration & Diversity in the Herford district.

    In the network, organisations that deal with migration and integration work together.
    The network was founded on 27.02.2008.
    At the moment, 48 members belong to the widunetz project group (Projektgruppe).

    The joint work began in 2005 with these goals: transparency, networking and cooperation.
    This means: people should be able to see which services there are. And the organisations should know each other and work together.

    My information does not say which services there are for you. I cannot give personal advice.
    You can find out more about the network from the contact people: /contact

faq-goals-title = What are the goals of the network?
faq-goals-answer =
    Before the network was founded, there was a project. Its main goals were:
    • Transparency: people should be able to see which activities and services there are on the topics of migration and integration.
    • Networking: the organisations should get to know each other and work together.
    • Strategic management: the work should follow a clear plan.

    From the start, the project also wanted to:
    • talk about problems that migrants have in everyday life,
    • look for solutions to these problems that work for many organisations,
    • take individual steps that improve structures. This should make integration and everyday life better for migrants and their families.

    So the joint work began with the goals of transparency, networking and cooperation.

faq-achievements-title = What has the network achieved?
faq-achievements-answer =
    The joint work created a permanent network:
    • On 27.02.2008, the network agreement (Netzwerkvereinbarung) was signed. This is a joint written agreement.
    • The network has a fixed structure: project group, core group and working groups.
    • The project group meets regularly, four to six times a year. At the meetings, the members share information and plan joint activities.
    • The number of members has kept growing. At the moment there are 48.
    • At the end of 2006, people from outside checked the project (external evaluation). They described the cooperation in the project like this: “a culture of taking part as equals” (Beteiligungskultur auf gleicher Augenhöhe).

    My information does not say what else the network has achieved.
    You can find out more from the contact people: /contact

## Taking part

faq-benefits-title = What are the benefits of working together?
faq-benefits-answer =
    widunetz is a network of organisations. When the organisations work closely together, they can:
    • get to know each other,
    • inform each other,
    • talk about current topics and agree on them,
    • plan joint activities,
    • look together for solutions to problems that migrants have in everyday life.

    The goal is: integration and everyday life should get better for migrants and their families.

    You can find out more from the contact people: /contact

faq-join-title = How can I join widunetz?
faq-join-answer =
    Would you or your organisation like to take part in widunetz? Please ask the contact people:

    { contact-people }

    The members of widunetz are institutions and organisations. At the moment, 48 members belong to the project group (Projektgruppe).
    My information does not say how to become a member, or whether individual people can take part too.

## History

faq-founding-title = How was widunetz founded?
faq-founding-answer =
    widunetz was founded on 27.02.2008. On this day, the network agreement (Netzwerkvereinbarung) was signed.

    Before that, there was the project “Migrationsvernetzung im Kreis Herford” (networking on migration in the Herford district). It started in July 2005.
    The idea came from three social welfare organisations: Arbeiterwohlfahrt (AWO), Caritas (of the Catholic Church) and Diakonisches Werk (DW, of the Protestant Church).
    The Herford district administration (Kreis Herford) coordinated the project. This means: it made sure that the work of everyone involved fitted together.
    The district administration and AWO led the project together.
    In the project, the people involved looked closely at the topic of migration in the Herford district.
    In a project group, they agreed on all important steps over four project phases. A project phase is one part of the project.
    So, after about two and a half years of joint work, the network was created.
    In the 5th project phase (2008), the network got a new structure, as decided in the network agreement.

faq-funding-title = Who funded the project?
faq-funding-answer =
    The federal state of North Rhine-Westphalia (Nordrhein-Westfalen, NRW) funded the project “Migrationsvernetzung im Kreis Herford”. This means: the state gave the project money.
    widunetz grew out of this project.
    From mid-2005, the money came from the programme “KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit” (a programme of the state of NRW: new ideas for integration work in towns and districts).
    The project also had a website. The programme paid for it too.
    The Herford district administration (Kreis Herford) received the money.

    This funding has ended.
    My information does not say how widunetz is funded today.
    Please ask the contact people: /contact

faq-agreement-title = What is the network agreement?
faq-agreement-answer =
    The network agreement (Netzwerkvereinbarung) is a joint written agreement.
    It was signed on 27.02.2008. This is the day widunetz was founded.

    It was signed by:
    • all mayors (Bürgermeisterinnen und Bürgermeister) of the Herford district
    • the head of the Herford district (Landrätin)
    • the chair of the AWO regional association Ostwestfalen-Lippe e.V. (AWO is a social welfare organisation)
    • the managing director of the Caritas association (Caritasverband; Caritas is the social welfare organisation of the Catholic Church)
    • the district managing director of the German Red Cross branch Herford-Stadt (DRK Kreisverband Herford-Stadt e.V.)
    • the managing director of Diakonie (the social welfare organisation of the Protestant Church, also called Diakonisches Werk, DW)
    • the chair of the Fachforum Migration (a forum of experts on migration)

    As decided in the network agreement, the network got a new structure in 2008: project group, core group and working groups.
    My information does not say what else is in the agreement.

faq-evaluation-title = What did the evaluation at the end of 2006 say?
faq-evaluation-answer =
    At the end of 2006, people from outside checked the work in the project. This is called an external evaluation (externe Evaluation).
    The evaluation described the cooperation like this: “a culture of taking part as equals” (Beteiligungskultur auf gleicher Augenhöhe).
    This means: everyone involved could have their say, and everyone was equally important.
    My information does not say what else the evaluation found.

    The cooperation in the project was like this: the people involved talked a lot with each other to agree on their work, and they kept each other informed.
    The following took part:
    • social welfare organisations (Träger der Freien Wohlfahrtspflege)
    • towns and municipalities
    • the Herford district administration (Kreis Herford)
    • other organisations that work on migration

## Structure

faq-structure-title = How is widunetz organised?
faq-structure-answer =
    widunetz has three kinds of groups:
    • Project group (Projektgruppe): it meets four to six times a year. The members share information, agree on things and plan joint activities.
    • Core group (Kerngruppe): it prepares the meetings of the project group.
    • Working groups (Arbeitsgruppen): each working group has its own topic.

    The network has had this structure since 2008. It got this new structure as decided in the network agreement of 27.02.2008.
    My information does not say which working groups there are.

faq-core-group-title = What does the core group do?
faq-core-group-answer =
    The core group (Kerngruppe) prepares the meetings of the project group. This is its main task.
    Before a meeting, it plans which topics to talk about and how to work on them.

    My information does not say who is in the core group or how often it meets.
    Please ask the contact people: /contact

faq-project-group-title = What does the project group do?
faq-project-group-answer =
    The project group (Projektgruppe) meets regularly, four to six times a year.
    At the meetings, the members:
    • share information,
    • talk about current topics and agree on them,
    • plan joint activities.

    At the moment, 48 members belong to the widunetz project group. My information does not include a list of all members.

    There was already a project group in the project before the network was founded. It was made up of representatives of:
    • the Herford district administration (Kreis Herford)
    • the towns and municipalities in the district
    • Arbeiterwohlfahrt (AWO, a social welfare organisation)
    • Caritas (the social welfare organisation of the Catholic Church)
    • Diakonisches Werk (DW, the social welfare organisation of the Protestant Church)
    • the German Red Cross (Deutsches Rotes Kreuz, DRK)

faq-members-title = How many members does widunetz have?
faq-members-answer =
    At the moment, 48 members belong to the widunetz project group (Projektgruppe).
    The members are institutions and organisations.
    Since the network was founded, their number has kept growing.

    Before the network was founded, there was already a project group in the project (from 2005). It was made up of representatives of:
    • the Herford district administration (Kreis Herford)
    • the towns and municipalities in the district
    • Arbeiterwohlfahrt (AWO, a social welfare organisation)
    • Caritas (the social welfare organisation of the Catholic Church)
    • Diakonisches Werk (DW, the social welfare organisation of the Protestant Church)
    • the German Red Cross (Deutsches Rotes Kreuz, DRK)

    My information does not include a list of all 48 members.
    Please ask the contact people: /contact

## Contact

faq-contact-title = Who are the contact people?
faq-contact-answer =
    The main contact people of widunetz are:

    { contact-people }

    You can phone them or send them an email.
    My information does not include their address or office hours.

# The two contact persons, exactly as in the seed (names, offices, phones, e-mails).
contact-people =
    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum (the integration centre of the Herford district administration)
    Phone: 05221-131121
    Email: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration (the AWO services for migration and integration; AWO is a social welfare organisation)
    Phone: 05732-905211
    Email: fmi.loehne@awo-owl.de
