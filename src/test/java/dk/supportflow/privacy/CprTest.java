package dk.supportflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CprTest {

    @Test
    void validatesFormatAndDate() {
        assertThat(Cpr.isValid("150372-4711")).isTrue();
        assertThat(Cpr.isValid("290200-1234")).isTrue();
        assertThat(Cpr.isValid("1503724711")).isFalse();
        assertThat(Cpr.isValid("150372 4711")).isFalse();
        assertThat(Cpr.isValid("150372.4711")).isFalse();
        assertThat(Cpr.isValid("320172-4711")).isFalse();
        assertThat(Cpr.isValid("000172-4711")).isFalse();
        assertThat(Cpr.isValid("151372-4711")).isFalse();
        assertThat(Cpr.isValid(" 150372-4711")).isFalse();
        assertThat(Cpr.isValid(null)).isFalse();
    }

    @Test
    void anErstatningspersonnummerHasTheDayPlus60() {
        assertThat(Cpr.isValid("610190-1234")).isTrue();
        assertThat(Cpr.isValid("750372-4711")).isTrue();
        assertThat(Cpr.isValid("910172-4711")).isTrue();
        assertThat(Cpr.isValid("890200-1234")).isTrue();
        // day 60 and day 92 are neither a birthday nor a birthday + 60; 31 April + 60 does not exist
        assertThat(Cpr.isValid("600172-4711")).isFalse();
        assertThat(Cpr.isValid("920172-4711")).isFalse();
        assertThat(Cpr.isValid("910472-4711")).isFalse();
        assertThat(Cpr.isValid("900272-4711")).isFalse();
    }

    @Test
    void masksCprNumbersInEveryWrittenForm() {
        assertThat(Cpr.maskInText("Borger 150372-4711 og 1503724711.")).isEqualTo("Borger 150372-xxxx og 150372-xxxx.");
        assertThat(Cpr.maskInText("CPR 150372 4711, igen 150372.4711.")).isEqualTo("CPR 150372-xxxx, igen 150372-xxxx.");
        // as word processors and mail clients write it: an en dash or a no-break space
        assertThat(Cpr.maskInText("CPR 150372\u20134711 og 150372\u00A04711")).isEqualTo("CPR 150372-xxxx og 150372-xxxx");
        assertThat(Cpr.maskInText("cpr:150372-4711;nr.150372.4711")).isEqualTo("cpr:150372-xxxx;nr.150372-xxxx");
        assertThat(Cpr.maskInText("Erstatningspersonnummer 750372-4711, 7503724711 og 910172 4711"))
                .isEqualTo("Erstatningspersonnummer 750372-xxxx, 750372-xxxx og 910172-xxxx");
        assertThat(Cpr.mask("150372-4711")).isEqualTo("150372-xxxx");
    }

    @Test
    void leavesNumbersThatAreNoDatePlusFourDigitsAlone() {
        for (String text : new String[] {
                "Sags-ID 9876543210 og opgave 0000001234",
                "konto 12345150372-47112",
                "beløb 1.503.724,71 kr.",
                "dato 15.03.72 kl. 47.11",
                "telefon 70 10 18 81 og 12345678",
                "ugyldig dag 320172 4711, dag 60 600172.4711, dag 92 920172-4711, måned 13 151372 4711",
                "for mange cifre 150372 47115 og 1150372.4711",
                "to mellemrum 150372  4711 og skråstreg 150372/4711",
                "version 15037.24711 og IBAN DK50 0040 0440 1162 43"}) {
            assertThat(Cpr.maskInText(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void encryptsWithAuthenticationAndRandomIv() {
        CprCipher cipher = new CprCipher("c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWtleS0zMmJ5dGU=");
        String first = cipher.encrypt("150372-4711");
        assertThat(first).startsWith("v1:").doesNotContain("150372");
        assertThat(cipher.encrypt("150372-4711")).isNotEqualTo(first);
        assertThat(cipher.decrypt(first)).isEqualTo("150372-4711");
        String tampered = first.substring(0, first.length() - 3) + (first.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }
}
