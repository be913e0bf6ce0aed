# German FAQ texts for widunetz-bot (source language and fallback).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Facts come only from the seed texts in ../shared/seed. Plain text, no HTML/Markdown.
# What the seed does not say, the answer says it does not know ("steht nicht in meinen
# Informationen") and points to the contact persons (/contact).
# contact-people (the two contact persons) is used by the contact and join answers
# ({ contact-people }) and by the reply when no answer fits.

## Topics

topic-about = Über widunetz
topic-history = Geschichte
topic-organisation = Aufbau
topic-participation = Mitmachen
topic-contact = Kontakt

## Über widunetz

faq-about-title = Was ist widunetz?
faq-about-answer =
    widunetz ist ein Netzwerk im Kreis Herford.
    Der volle Name ist: widunetz – Netzwerk für Integration & Vielfalt im Kreis Herford.

    Im Netzwerk arbeiten Einrichtungen zusammen, die mit Migration und Integration zu tun haben.
    Das Netzwerk wurde am 27.02.2008 gegründet.
    Aktuell gehören 48 Mitglieder zur Projektgruppe widunetz.

    Die gemeinsame Arbeit begann 2005 mit diesen Zielen: Transparenz, Vernetzung und Zusammenarbeit.
    Das heißt: Man soll sehen, welche Angebote es gibt. Und die Einrichtungen sollen sich kennen und zusammenarbeiten.

    Welche Angebote es für Sie gibt, steht nicht in meinen Informationen. Persönliche Beratung kann ich nicht geben.
    Mehr über das Netzwerk erfahren Sie bei den Ansprechpersonen: /contact

faq-goals-title = Welche Ziele hat das Netzwerk?
faq-goals-answer =
    Vor der Gründung gab es ein Projekt. Seine Hauptziele waren:
    • Transparenz: Man soll sehen, welche Aktivitäten und Angebote es zu Migration und Integration gibt.
    • Vernetzung: Die Einrichtungen sollen sich kennenlernen und zusammenarbeiten.
    • Strategische Steuerung: Die Arbeit soll nach einem klaren Plan laufen.

    Von Anfang an wollte man außerdem:
    • Probleme aus dem Alltag von Migrantinnen und Migranten ansprechen,
    • für diese Probleme Lösungen suchen, die für viele Einrichtungen passen,
    • einzelne Maßnahmen umsetzen, die Strukturen verbessern. So sollen Integration und Alltag von Menschen mit Einwanderungsgeschichte besser werden.

    So begann die gemeinsame Arbeit mit den Zielen Transparenz, Vernetzung und Zusammenarbeit.

faq-achievements-title = Was wurde durch das Netzwerk geschaffen?
faq-achievements-answer =
    Durch die gemeinsame Arbeit ist ein dauerhaftes Netzwerk entstanden:
    • Am 27.02.2008 wurde die Netzwerkvereinbarung unterschrieben. Das ist eine gemeinsame, schriftliche Absprache.
    • Das Netzwerk hat eine feste Ordnung: Projektgruppe, Kerngruppe und Arbeitsgruppen.
    • Die Projektgruppe trifft sich regelmäßig, vier bis sechs Mal im Jahr. Dort tauschen sich die Mitglieder aus und planen gemeinsame Aktivitäten.
    • Die Zahl der Mitglieder ist immer weiter gewachsen. Aktuell sind es 48.
    • Ende 2006 hat eine Prüfung von außen die Zusammenarbeit im Projekt so beschrieben: „Beteiligungskultur auf gleicher Augenhöhe“.

    Was das Netzwerk darüber hinaus erreicht hat, steht nicht in meinen Informationen.
    Mehr erfahren Sie bei den Ansprechpersonen: /contact

## Mitmachen

faq-benefits-title = Welche Vorteile hat die Zusammenarbeit?
faq-benefits-answer =
    widunetz ist ein Netzwerk von Einrichtungen. Wenn die Einrichtungen eng zusammenarbeiten, können sie:
    • sich gegenseitig kennenlernen,
    • sich gegenseitig informieren,
    • sich zu aktuellen Themen absprechen,
    • gemeinsame Aktivitäten planen,
    • gemeinsam Lösungen für Probleme aus dem Alltag von Migrantinnen und Migranten suchen.

    Das Ziel ist: Integration und Alltag von Menschen mit Einwanderungsgeschichte sollen besser werden.

    Mehr erfahren Sie bei den Ansprechpersonen: /contact

faq-join-title = Wie kann man bei widunetz mitmachen?
faq-join-answer =
    Möchten Sie oder Ihre Einrichtung bei widunetz mitmachen? Bitte fragen Sie die Ansprechpersonen:

    { contact-people }

    Die Mitglieder von widunetz sind Einrichtungen und Organisationen. Aktuell gehören 48 Mitglieder zur Projektgruppe.
    Wie man Mitglied wird und ob auch einzelne Personen mitmachen können, steht nicht in meinen Informationen.

## Geschichte

faq-founding-title = Wie wurde widunetz gegründet?
faq-founding-answer =
    widunetz wurde am 27.02.2008 gegründet. An diesem Tag wurde die Netzwerkvereinbarung unterschrieben.

    Vorher gab es das Projekt „Migrationsvernetzung im Kreis Herford“. Es startete im Juli 2005.
    Die Idee kam von der Arbeiterwohlfahrt (AWO), der Caritas und dem Diakonischen Werk (DW).
    Der Kreis Herford hat das Projekt koordiniert. Das heißt: Er hat die Arbeit der Beteiligten aufeinander abgestimmt.
    Zusammen mit der AWO hat der Kreis Herford das Projekt geleitet.
    Im Projekt haben sich die Beteiligten intensiv mit dem Thema Migration im Kreis Herford beschäftigt.
    In einer Projektgruppe haben sie in vier Projektphasen alle wichtigen Schritte abgesprochen. Eine Projektphase ist ein Abschnitt des Projekts.
    Nach etwa zweieinhalb Jahren gemeinsamer Arbeit entstand so das Netzwerk.
    In der 5. Projektphase (2008) wurde das Netzwerk neu geordnet, so wie es die Netzwerkvereinbarung festgelegt hat.

faq-funding-title = Wer hat das Projekt gefördert?
faq-funding-answer =
    Das Land Nordrhein-Westfalen hat das Projekt „Migrationsvernetzung im Kreis Herford“ gefördert. Das heißt: Das Land hat dem Projekt Geld gegeben.
    Aus diesem Projekt ist widunetz entstanden.
    Die Förderung kam ab Mitte 2005 aus dem Programm „KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit“.
    Zum Projekt gehörte auch eine Internetseite. Auch sie wurde damit gefördert.
    Der Kreis Herford hat die Förderung bekommen (Förderungsempfänger).

    Diese Förderung ist inzwischen zu Ende.
    Wie widunetz heute finanziert wird, steht nicht in meinen Informationen.
    Bitte fragen Sie die Ansprechpersonen: /contact

faq-agreement-title = Was ist die Netzwerkvereinbarung?
faq-agreement-answer =
    Die Netzwerkvereinbarung ist eine gemeinsame, schriftliche Absprache.
    Sie wurde am 27.02.2008 unterschrieben. Das ist der Tag, an dem widunetz gegründet wurde.

    Unterschrieben haben:
    • alle Bürgermeisterinnen und Bürgermeister des Kreises Herford
    • die Landrätin des Kreises Herford
    • der Vorsitzende des Bezirksverbandes der AWO Ostwestfalen-Lippe e.V.
    • die Geschäftsführerin des Caritasverbandes
    • der Kreisgeschäftsführer des DRK Kreisverbandes Herford-Stadt e.V.
    • der Geschäftsführer der Diakonie (auch: Diakonisches Werk, DW)
    • der Vorsitzende des Fachforums Migration

    So wie es die Netzwerkvereinbarung festlegt, wurde das Netzwerk 2008 neu geordnet: mit Projektgruppe, Kerngruppe und Arbeitsgruppen.
    Was die Vereinbarung sonst noch sagt, steht nicht in meinen Informationen.

faq-evaluation-title = Was sagte die Evaluation Ende 2006?
faq-evaluation-answer =
    Ende 2006 wurde die Arbeit im Projekt von außen geprüft. Das nennt man externe Evaluation.
    Die Evaluation hat die Zusammenarbeit so beschrieben: „Beteiligungskultur auf gleicher Augenhöhe“.
    Das heißt: Alle Beteiligten konnten mitreden, und alle waren gleich wichtig.
    Weitere Ergebnisse der Evaluation stehen nicht in meinen Informationen.

    Die Zusammenarbeit im Projekt war so: Die Beteiligten haben sich viel abgestimmt und sich gegenseitig informiert.
    Beteiligt waren:
    • soziale Verbände (Träger der Freien Wohlfahrtspflege)
    • Städte und Gemeinden
    • der Kreis Herford
    • andere Einrichtungen zum Thema Migration

## Aufbau

faq-structure-title = Wie ist widunetz aufgebaut?
faq-structure-answer =
    widunetz hat drei Arten von Gruppen:
    • Projektgruppe: Sie trifft sich vier bis sechs Mal im Jahr. Die Mitglieder tauschen sich aus, stimmen sich ab und planen gemeinsame Aktivitäten.
    • Kerngruppe: Sie bereitet die Sitzungen der Projektgruppe vor.
    • Arbeitsgruppen: Jede Arbeitsgruppe hat ein bestimmtes Thema.

    Diese Ordnung gibt es seit 2008. Damals wurde das Netzwerk neu geordnet, so wie es die Netzwerkvereinbarung vom 27.02.2008 festgelegt hat.
    Welche Arbeitsgruppen es gibt, steht nicht in meinen Informationen.

faq-core-group-title = Was macht die Kerngruppe?
faq-core-group-answer =
    Die Kerngruppe bereitet die Sitzungen der Projektgruppe vor. Das ist ihre Hauptaufgabe.
    Sie überlegt vorher, über welche Themen gesprochen wird und wie man vorgeht.

    Wer zur Kerngruppe gehört und wie oft sie sich trifft, steht nicht in meinen Informationen.
    Bitte fragen Sie die Ansprechpersonen: /contact

faq-project-group-title = Was macht die Projektgruppe?
faq-project-group-answer =
    Die Projektgruppe trifft sich regelmäßig, vier bis sechs Mal im Jahr.
    In den Sitzungen:
    • tauschen sich die Mitglieder aus,
    • stimmen sie sich zu aktuellen Themen ab,
    • planen sie gemeinsame Aktivitäten.

    Aktuell gehören 48 Mitglieder zur Projektgruppe widunetz. Eine Liste aller Mitglieder steht nicht in meinen Informationen.

    Schon im Projekt vor der Gründung gab es eine Projektgruppe. Vertreterinnen und Vertreter dieser Stellen haben sie gebildet:
    • Kreis Herford
    • Städte und Gemeinden im Kreis
    • Arbeiterwohlfahrt (AWO)
    • Caritas
    • Diakonisches Werk (DW)
    • Deutsches Rotes Kreuz (DRK)

faq-members-title = Wie viele Mitglieder hat widunetz?
faq-members-answer =
    Zur Projektgruppe widunetz gehören aktuell 48 Mitglieder.
    Die Mitglieder sind Institutionen, also Einrichtungen und Organisationen.
    Seit der Gründung ist ihre Zahl immer weiter gewachsen.

    Schon im Projekt vor der Gründung (ab 2005) haben Vertreterinnen und Vertreter dieser Stellen die Projektgruppe gebildet:
    • Kreis Herford
    • Städte und Gemeinden im Kreis
    • Arbeiterwohlfahrt (AWO)
    • Caritas
    • Diakonisches Werk (DW)
    • Deutsches Rotes Kreuz (DRK)

    Eine Liste aller 48 Mitglieder steht nicht in meinen Informationen.
    Bitte fragen Sie die Ansprechpersonen: /contact

## Kontakt

faq-contact-title = Wer sind die Ansprechpersonen?
faq-contact-answer =
    Die zentralen Ansprechpersonen von widunetz sind:

    { contact-people }

    Sie können anrufen oder eine E-Mail schreiben.
    Adresse und Sprechzeiten stehen nicht in meinen Informationen.

# The two contact persons, exactly as in the seed (names, offices, phones, e-mails).
contact-people =
    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum
    Telefon: 05221-131121
    E-Mail: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration
    Telefon: 05732-905211
    E-Mail: fmi.loehne@awo-owl.de
