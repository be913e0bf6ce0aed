# German FAQ texts for widunetz-bot (source language and fallback).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Facts come only from the seed texts in ../shared/seed. Plain text, no HTML/Markdown.

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
    Am Anfang waren das der Kreis, die Städte und Gemeinden, AWO, Caritas, Diakonie und DRK.
    Das Netzwerk wurde am 27.02.2008 gegründet.
    Aktuell gehören 48 Mitglieder zur Projektgruppe.

    Die Ziele sind: Transparenz, Vernetzung und Zusammenarbeit.
    Das heißt: Man soll sehen, welche Angebote es gibt. Und die Einrichtungen sollen sich kennen und zusammenarbeiten.

faq-goals-title = Welche Ziele hat das Netzwerk?
faq-goals-answer =
    Das Netzwerk hat diese Ziele:
    • Transparenz: Alle sollen sehen, welche Aktivitäten und Angebote es zu Migration und Integration gibt.
    • Vernetzung: Die Einrichtungen sollen sich kennenlernen und zusammenarbeiten.
    • Strategische Steuerung: Die Arbeit soll planvoll gelenkt werden.
    • Probleme aus dem Alltag von Migrantinnen und Migranten aufgreifen.
    • Für diese Probleme Lösungen suchen, die allgemein sind und über einzelne Organisationen hinausgehen.
    • Maßnahmen umsetzen, die Integration und Alltag von Menschen mit Einwanderungsgeschichte verbessern.

    Das Motto ist: „Transparenz, Vernetzung und Zusammenarbeit“.

faq-achievements-title = Was wurde durch das Netzwerk geschaffen?
faq-achievements-answer =
    Durch die gemeinsame Arbeit ist ein festes Netzwerk entstanden:
    • Am 27.02.2008 wurde die Netzwerkvereinbarung unterschrieben. Das ist eine gemeinsame, schriftliche Absprache.
    • Das Netzwerk hat eine feste Ordnung: Projektgruppe, Kerngruppe und Arbeitsgruppen.
    • Die Projektgruppe trifft sich regelmäßig, vier bis sechs Mal im Jahr. Dort tauschen sich die Mitglieder aus und planen gemeinsame Aktivitäten.
    • Die Zahl der Mitglieder ist stetig gewachsen. Aktuell sind es 48.
    • Schon im Projekt vor der Gründung hat Ende 2006 eine Prüfung von außen (externe Evaluation) die Zusammenarbeit so beschrieben: „Beteiligungskultur auf gleicher Augenhöhe“.

    Mehr dazu erfahren Sie bei den Ansprechpartnern Marie Chaput und Iris Wolter: /contact

## Mitmachen

faq-benefits-title = Welche Vorteile hat die Zusammenarbeit?
faq-benefits-answer =
    Im Netzwerk arbeiten viele Einrichtungen eng zusammen. So können sie:
    • sich gegenseitig kennenlernen,
    • sich gegenseitig informieren,
    • sich zu aktuellen Themen absprechen,
    • gemeinsame Aktivitäten planen,
    • gemeinsam Lösungen für Probleme aus dem Alltag von Migrantinnen und Migranten suchen.

    Das Ziel ist: Integration und Alltag von Menschen mit Einwanderungsgeschichte sollen besser werden.
    Mehr dazu erfahren Sie bei den Ansprechpartnern Marie Chaput und Iris Wolter: /contact

faq-join-title = Wie kann man bei widunetz mitmachen?
faq-join-answer =
    Wie man Mitglied wird, steht leider nicht in meinen Informationen.
    Das Netzwerk ist seit der Gründung stetig gewachsen. Aktuell hat die Projektgruppe 48 Mitglieder.
    Möchten Sie mitmachen oder mit dem Netzwerk zusammenarbeiten? Bitte fragen Sie die zentralen Ansprechpartner:

    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum
    Telefon: 05221-131121
    E-Mail: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration
    Telefon: 05732-905211
    E-Mail: fmi.loehne@awo-owl.de

## Geschichte

faq-founding-title = Wie wurde widunetz gegründet?
faq-founding-answer =
    widunetz wurde am 27.02.2008 gegründet. An diesem Tag wurde die Netzwerkvereinbarung unterschrieben.

    Vorher gab es das Projekt „Migrationsvernetzung im Kreis Herford“. Es startete im Juli 2005.
    Die Idee kam von der Arbeiterwohlfahrt (AWO), der Caritas und dem Diakonischen Werk (DW).
    Der Kreis Herford hat das Projekt koordiniert. Zusammen mit der AWO hat er das Projekt geleitet.
    In einer Projektgruppe haben die Beteiligten in vier Projektphasen alle wichtigen Schritte abgesprochen.
    Nach circa zweieinhalb Jahren gemeinsamer Arbeit entstand so das Netzwerk.
    In der 5. Projektphase (2008) wurde das Netzwerk neu geordnet.

faq-funding-title = Wer hat das Projekt gefördert?
faq-funding-answer =
    Das Projekt „Migrationsvernetzung im Kreis Herford“ wurde vom Land Nordrhein-Westfalen gefördert. Das heißt: Es bekam Geld zur Unterstützung.
    Die Förderung kam seit Mitte 2005 aus dem Programm „KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit“.
    Der Kreis Herford hat die Förderung bekommen (Förderungsempfänger).

    Diese Förderung ist inzwischen ausgelaufen. Das heißt: Aus diesem Programm kommt kein Geld mehr.

faq-agreement-title = Was ist die Netzwerkvereinbarung?
faq-agreement-answer =
    Die Netzwerkvereinbarung ist eine gemeinsame, schriftliche Absprache.
    Sie wurde am 27.02.2008 unterschrieben. Das ist der Tag, an dem widunetz gegründet wurde.

    Unterschrieben haben:
    • alle Bürgermeister/innen des Kreises Herford
    • die Landrätin des Kreises Herford
    • der Vorsitzende des Bezirksverbandes der AWO Ostwestfalen-Lippe e.V.
    • die Geschäftsführerin des Caritasverbandes
    • der Kreisgeschäftsführer des DRK Kreisverbandes Herford-Stadt e.V.
    • der Geschäftsführer der Diakonie
    • der Vorsitzende des Fachforums Migration

faq-evaluation-title = Was sagte die Evaluation Ende 2006?
faq-evaluation-answer =
    Ende 2006 wurde die Arbeit im Projekt von außen geprüft. Das nennt man externe Evaluation.
    Das Ergebnis: Die Zusammenarbeit war eine „Beteiligungskultur auf gleicher Augenhöhe“.
    Das heißt: Alle Beteiligten haben gleichberechtigt zusammengearbeitet.
    Sie haben sich viel abgestimmt und sich gegenseitig informiert.

    Beteiligt waren soziale Verbände (Träger der Freien Wohlfahrtspflege), Kommunen, der Kreis und andere Einrichtungen zum Thema Migration.

## Aufbau

faq-structure-title = Wie ist widunetz aufgebaut?
faq-structure-answer =
    widunetz hat drei Arten von Gruppen (Netzwerkorgane):
    • Projektgruppe: Sie trifft sich vier bis sechs Mal im Jahr. Die Mitglieder tauschen sich aus, stimmen sich ab und planen gemeinsame Aktivitäten.
    • Kerngruppe: Sie bereitet die Sitzungen der Projektgruppe vor.
    • Arbeitsgruppen: Sie werden zu bestimmten Themen gebildet.

    Diese Ordnung gibt es seit 2008. Damals wurde das Netzwerk neu geordnet, so wie es die Netzwerkvereinbarung vom 27.02.2008 festlegt.

faq-core-group-title = Was macht die Kerngruppe?
faq-core-group-answer =
    Die Kerngruppe ist eine Gruppe im Netzwerk widunetz.
    Ihre Hauptaufgabe: Sie bereitet die Sitzungen der Projektgruppe vor.
    Das heißt: Sie plant die Sitzungen vorher, inhaltlich und strategisch.

    Zur Projektgruppe gehören aktuell 48 Mitglieder. Sie trifft sich vier bis sechs Mal im Jahr.
    Mehr Informationen: /contact

faq-project-group-title = Was macht die Projektgruppe?
faq-project-group-answer =
    Die Projektgruppe trifft sich regelmäßig, vier bis sechs Mal im Jahr.
    In den Sitzungen:
    • tauschen sich die Mitglieder aus,
    • stimmen sie sich zu aktuellen Themen ab,
    • planen sie gemeinsame Aktivitäten.

    Aktuell gehören 48 Mitglieder zur Projektgruppe.
    Gebildet wurde sie ursprünglich von Vertreterinnen und Vertretern des Kreises, der Städte und Gemeinden des Kreises, der AWO, der Caritas, des Diakonischen Werkes (DW) und des DRK.

faq-members-title = Wie viele Mitglieder hat widunetz?
faq-members-answer =
    Seit der Gründung ist die Zahl der Mitglieder stetig gewachsen.
    Aktuell gehören 48 Mitglieder zur Projektgruppe widunetz.
    Die Mitglieder sind Institutionen, also Einrichtungen und Organisationen.

    Am Anfang wurde die Projektgruppe gebildet von:
    • der Kreis Herford
    • die Städte und Gemeinden des Kreises
    • die Arbeiterwohlfahrt (AWO)
    • die Caritas
    • das Diakonische Werk (Diakonie)
    • das DRK

## Kontakt

faq-contact-title = Wer sind die Ansprechpartner?
faq-contact-answer =
    Die zentralen Ansprechpartner von widunetz sind:

    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum
    Telefon: 05221-131121
    E-Mail: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration
    Telefon: 05732-905211
    E-Mail: fmi.loehne@awo-owl.de

    Sie können anrufen oder eine E-Mail schreiben.
