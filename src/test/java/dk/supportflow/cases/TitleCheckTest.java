package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitleCheckTest {

    private final TitleCheck check = new TitleCheck();

    @ParameterizedTest
    @ValueSource(strings = {
            "Adresse fra CPR vises ikke i brevet \"Afgørelse om boligstøtte\"",
            "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse",
            "Udbetaling af helbredstillæg blokeres ved genberegning",
            "Integration til eIndkomst henter ikke indkomst for marts",
            "Fejlmeddelelse ved åbning af skærmbilledet Sagsoversigt",
            "Brevet \"Partshøring\" dannes med forkert dato i KP",
            "Ydelsen personligt tillæg kan ikke bevilges efter release 24.3",
            "CPR-opdatering ændrer ikke adressen på sagen i KP",
            "PDF af afgørelsesbrev mangler bilag om ATP",
            "Skærmbillede i JPEG kan ikke vedhæftes på opgaven \"Beregn tillæg\"",
            "Opgaven \"Godkend beregning\" kan ikke tildeles en kollega"})
    void acceptsNeutralTitlesThatSayWhereTheErrorIs(String title) {
        TitleCheck.Result result = check.check(title);
        assertThat(result.findings()).as(title).isEmpty();
        assertThat(result.acceptable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Brev | LONE_KEYWORD",
            "Fejl | LONE_KEYWORD",
            "Fejl i KP | TOO_SHORT",
            "Det virker ikke | TOO_SHORT",
            "Problem med sag | TOO_SHORT",
            "Ring mig op | CALL_REQUEST",
            "Kan I ringe mig op angående beregningen af tillæg | CALL_REQUEST",
            "Kontakt mig om brevet til borgeren i dag | CALL_REQUEST",
            "VIGTIGT!!! SVAR NU??? | SHOUTING",
            "VIGTIGT!!! SVAR NU??? | PRESSURE",
            "VIGTIGT!!! SVAR NU??? | PUNCTUATION",
            "HASTER: opgaven Beregn tillæg afsluttes ikke | PRESSURE",
            "BEREGNING AF TILLÆG FEJLER I KP | SHOUTING",
            "Opgaven Beregn tillæg afsluttes ikke!! | PUNCTUATION",
            "Akut fejl i beregning af boligstøtte til pensionist | PRESSURE",
            "Hvorfor kan jeg ikke godkende beregningen af tillæg? | QUESTION",
            "Hvad gør jeg, når brevet Afgørelse ikke dannes? | QUESTION"})
    void rejectsWhatTheDomainNames(String title, String code) {
        TitleCheck.Result result = check.check(title);
        assertThat(result.acceptable()).as(title).isFalse();
        assertThat(result.findings()).as(title).anyMatch(f -> f.code().equals(code));
        assertThat(result.findings()).allMatch(f -> !f.message().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyTitle(String title) {
        assertThat(check.check(title).findings()).extracting(TitleCheck.Finding::code).containsExactly("EMPTY");
    }

    @org.junit.jupiter.api.Test
    void rejectsAnOverlongTitle() {
        assertThat(check.check("Opgaven Beregn tillæg afsluttes ikke " + "og meget mere ".repeat(12)).findings())
                .extracting(TitleCheck.Finding::code).containsExactly("TOO_LONG");
    }
}
