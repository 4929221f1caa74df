package dk.supportflow.knowledge;

import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The relevance test set: a small knowledge base in the style of real KP support cases, and
 * queries as support staff type them (inflected forms, ae/oe/aa spellings, typos, KP synonyms),
 * each with the entries a good search finds in its first five hits.
 */
final class RelevanceSet {

    record Judged(String query, Set<String> expected, String tests) {
    }

    private static final Instant WHEN = Instant.parse("2025-03-01T10:00:00Z");

    static KnowledgeEntry solved(String ref, String title, String symptom, String answer, String errorClass, String component) {
        return new KnowledgeEntry(KnowledgeKind.CASE, ref, title, symptom, answer, errorClass, component, WHEN, null, null);
    }

    static final List<KnowledgeEntry> ENTRIES = List.of(
            solved("C1", "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse",
                    "Opgaven står stadig som åben, efter at beregningen er godkendt.",
                    "Gå et trin tilbage i Gennemførte trin og godkend igen. Fejlen skyldes en tidligere annulleret beregning.",
                    "processError", "Beregn tillæg"),
            solved("C2", "Helbredstillæg kan ikke bevilges efter release 24.3",
                    "Ydelsen mangler i listen over ydelser, der kan bevilges.",
                    "Helbredstillæg bevilges nu i trinnet Personlige tillæg; det er den nye arbejdsgang efter release 24.3.",
                    "userError", "Bevilling"),
            solved("C3", "Adresse fra CPR vises ikke i brevet \"Afgørelse om boligstøtte\"",
                    "Brevet dannes uden borgerens adresse.",
                    "Opdatér adressen med et nyt CPR-opslag på sagen og dan brevet igen.", "processError", "Breve"),
            solved("C4", "Integration til eIndkomst svarer ikke om natten",
                    "Hentning af indkomst fejler med timeout mellem kl. 1 og 4.",
                    "Vent til morgenen og prøv igen; registret har natlig vedligeholdelse.", "integrationError", "Indkomst"),
            solved("C5", "Udbetaling blokeret efter ændring af kontonummer",
                    "Udbetalingen stopper med en fejl om NemKonto.",
                    "Kontrollér NemKonto-oplysningerne og genstart udbetalingen i fanen Økonomi.", "processError", "Udbetaling"),
            solved("C6", "Skattekort hentes ikke til ny pensionist",
                    "Der mangler skattekort, så pensionen beregnes med 55 procent skat.",
                    "Bestil skattekortet igen fra fanen Indkomst; det kommer dagen efter.", "integrationError", "Indkomst"),
            solved("C7", "Boligydelse beregnes forkert for samlevende",
                    "Beregningen medtager ikke samleverens indtægt.",
                    "Registrér samleveren på husstanden, før der beregnes.", "userError", "Beregning"),
            solved("C8", "Pop-up ved afslutning af opgave",
                    "En pop-up med Procesfejl 4711 vises, når opgaven afsluttes.",
                    "Afslut alle åbne opgaver på borgeren og prøv igen.", "processError", "Opgaver"),
            solved("C9", "Førtidspension vises ikke i ydelsesoversigten",
                    "Ydelsesoversigten viser kun folkepension.",
                    "Tryk Genindlæs i oversigten; visningsfejlen er rettet i 24.4.", "technicalError", "Ydelsesoversigt"),
            solved("C10", "Teknisk fejl NullPointerException ved åbning af sag",
                    "Sagen kan ikke åbnes; der vises en teknisk fejlmeddelelse.",
                    "Ryd browserens cache og åbn sagen igen. Fejlen er rettet i en hotfix.", "technicalError", "Sag"),
            solved("C11", "Dokumenter kan ikke vedhæftes sagen",
                    "Upload af PDF fejler med fejl 413.",
                    "Filen er for stor. Del den op eller komprimér den til under 10 MB.", "userError", "Dokumenter"),
            solved("C12", "Logo mangler i brevskabelonen",
                    "Kommunens logo vises ikke øverst i brevene.",
                    "Logoet skal uploades igen under Opsætning, Brevskabeloner.", "userError", "Breve"),
            solved("C13", "Genberegning af pensionstillæg giver dobbelt efterbetaling",
                    "Efterbetalingen udbetales to gange ved genberegning.",
                    "Stop den ene udbetaling manuelt og meld fejlen til MinSupport.", "processError", "Beregning"),
            solved("C14", "Opgaven Vurdér formue kan ikke afsluttes",
                    "Formueoplysninger fra SKAT mangler på sagen.",
                    "Indhent formueoplysningerne manuelt og registrér dem i trinnet Formue.", "integrationError", "Formue"),
            solved("C15", "Varmetillæg beregnes med forkerte varmeudgifter",
                    "Varmeudgifterne fra sidste år bruges stadig.",
                    "Registrér de nye varmeudgifter med ikrafttrædelsesdato og genberegn.", "userError", "Beregning"),
            solved("C16", "Borgeren kan ikke findes i søgningen",
                    "Søgning på navn giver ingen resultater.",
                    "Navnesøgning kræver fuldt efternavn; søg ellers på sagsnummer.", "userError", "Søgning"),
            solved("C17", "Sagen er låst af en anden bruger",
                    "Der vises en besked om lås, selvom ingen arbejder på sagen.",
                    "Låsen udløber efter 30 minutter; en administrator kan frigive den før.", "processError", "Sag"),
            solved("C18", "Ændrede bankoplysninger gemmes ikke",
                    "Nye bankoplysninger forsvinder, når sagen gemmes.",
                    "Bankoplysninger hentes fra NemKonto og kan ikke ændres i KP.", "userError", "Udbetaling"),
            solved("C19", "Digital Post når ikke frem til borgeren",
                    "Brevet står som afsendt, men borgeren har ikke modtaget det.",
                    "Borgeren er fritaget for digital post; brevet sendes derfor fysisk.", "userError", "Breve"),
            solved("C20", "Dødsfald registreres ikke automatisk",
                    "En hændelse fra CPR om dødsfald giver ingen opgave i KP.",
                    "Opret opgaven Ophør manuelt; hændelsen kommer igen ved næste kørsel.", "integrationError", "Hændelser"),
            solved("C21", "Regulering af personligt tillæg mangler i januar",
                    "Den årlige regulering er ikke slået igennem på tillægget.",
                    "Reguleringen kører som batch den 5. januar; vent på kørslen.", "processError", "Beregning"),
            solved("C22", "Fuldmagt kan ikke registreres på borgeren",
                    "Knappen Tilføj fuldmagt er grå.",
                    "Du mangler rollen Fuldmagtsadministrator; kontakt din superbruger.", "userError", "Borger"),
            new KnowledgeEntry(KnowledgeKind.KNOWN_ERROR, "K1", "Beregn tillæg fejler med teknisk fejl efter release 24.5",
                    "Beregn tillæg fejler med teknisk fejl efter release 24.5",
                    "Beregn tillægget manuelt, indtil rettelsen kommer med release 24.6.", null, "Beregn tillæg", WHEN, null,
                    "https://drift.example/kendte-fejl/245-1"),
            new KnowledgeEntry(KnowledgeKind.KNOWN_ERROR, "K2", "Indkomstregistret svarer ikke",
                    "Indkomstregistret svarer ikke", "Vent og prøv igen senere; leverandøren arbejder på fejlen.", null,
                    "Indkomst", WHEN, null, "https://drift.example/kendte-fejl/indkomst"),
            new KnowledgeEntry(KnowledgeKind.ARTICLE, "A1", "Sådan bevilges helbredstillæg efter release 24.3",
                    "Helbredstillæg findes ikke længere på listen over ydelser.\nYdelsen er flyttet i release 24.3.",
                    "Bevilg helbredstillæg i trinnet Personlige tillæg.", "userError", "Bevilling", WHEN, null, null));

    static final List<Judged> QUERIES = List.of(
            new Judged("beregningerne godkendes men opgaven forbliver åben", Set.of("C1"), "inflection"),
            new Judged("godkendelsen af beregning afslutter ikke opgaven", Set.of("C1"), "inflection"),
            new Judged("helbredstillaeg", Set.of("A1", "C2"), "ae spelling"),
            new Judged("helbredstilæg release", Set.of("A1", "C2"), "typo"),
            new Judged("helbredstilskud bevilling", Set.of("A1", "C2"), "synonym"),
            new Judged("boligstøtte samlevende", Set.of("C7"), "synonym"),
            new Judged("boligydelse brev adresse", Set.of("C3"), "synonym"),
            new Judged("boligstoette afgoerelse", Set.of("C3"), "oe spelling, synonym"),
            new Judged("eIndkomst timeout", Set.of("C4", "K2"), "synonym"),
            new Judged("indkomstregister om natten", Set.of("C4", "K2"), "synonym"),
            new Judged("udbetalingerne blokeres", Set.of("C5"), "inflection"),
            new Judged("skattekortet mangler", Set.of("C6"), "inflection"),
            new Judged("forskudsopgørelse ny pensionist", Set.of("C6"), "synonym"),
            new Judged("popup procesfejl", Set.of("C8"), "synonym"),
            new Judged("pop-up når opgaver afsluttes", Set.of("C8"), "inflection"),
            new Judged("ftp ydelsesoversigt", Set.of("C9"), "synonym"),
            new Judged("førtidspensionen vises ikke", Set.of("C9"), "inflection"),
            new Judged("nullpointerexception", Set.of("C10"), "exact"),
            new Judged("teknisk fejlmedelelse sagen åbnes ikke", Set.of("C10"), "typo"),
            new Judged("vedhaefte dokumenter", Set.of("C11"), "ae spelling"),
            new Judged("efterbetalinger udbetales dobbelt", Set.of("C13"), "inflection"),
            new Judged("genberegningen pensionstilæg", Set.of("C13"), "typo, inflection"),
            new Judged("borgerne findes ikke i søgningen", Set.of("C16"), "inflection"),
            new Judged("låst sag anden bruger", Set.of("C17"), "inflection"),
            new Judged("laast sag", Set.of("C17"), "aa spelling"),
            new Judged("doedsfald cpr haendelse", Set.of("C20"), "oe/ae spelling"),
            new Judged("dødsfaldet registreres", Set.of("C20"), "inflection"),
            new Judged("varmetillæget varmeudgift", Set.of("C15"), "inflection"),
            new Judged("beregn tillaeg teknisk fejl", Set.of("K1"), "known error, ae spelling"),
            new Judged("formuen mangler fra skat", Set.of("C14"), "inflection"),
            new Judged("bankoplysningerne gemmes ikke", Set.of("C18"), "inflection"),
            new Judged("reguleringen af personlig tillæg", Set.of("C21"), "inflection"),
            new Judged("fuldmagter registrering", Set.of("C22"), "inflection"),
            new Judged("logoet mangler i brevskabelon", Set.of("C12"), "inflection"),
            new Judged("digitalpost borgeren modtager ikke brev", Set.of("C19"), "synonym, compound"));

    private RelevanceSet() {
    }
}
