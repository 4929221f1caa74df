package dk.supportflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CprTest {

    @Test
    void validatesFormatAndDate() {
        assertThat(Cpr.isValid("150372-4711")).isTrue();
        assertThat(Cpr.isValid("290200-1234")).isTrue();
        assertThat(Cpr.isValid("1503724711")).isFalse();
        assertThat(Cpr.isValid("320172-4711")).isFalse();
        assertThat(Cpr.isValid("151372-4711")).isFalse();
        assertThat(Cpr.isValid(" 150372-4711")).isFalse();
        assertThat(Cpr.isValid(null)).isFalse();
    }

    @Test
    void masksCprNumbersInTextButNotOtherNumbers() {
        assertThat(Cpr.maskInText("Borger 150372-4711 og 1503724711.")).isEqualTo("Borger 150372-xxxx og 150372-xxxx.");
        assertThat(Cpr.maskInText("Sags-ID 9876543210 og opgave 0000001234")).isEqualTo("Sags-ID 9876543210 og opgave 0000001234");
        assertThat(Cpr.maskInText("konto 12345150372-47112")).isEqualTo("konto 12345150372-47112");
        assertThat(Cpr.mask("150372-4711")).isEqualTo("150372-xxxx");
    }

    @Test
    void encryptsWithAuthenticationAndRandomIv() {
        CprCipher cipher = new CprCipher("c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWtleS0zMmJ5dGU=");
        String first = cipher.encrypt("150372-4711");
        assertThat(first).startsWith("v1:").doesNotContain("150372");
        assertThat(cipher.encrypt("150372-4711")).isNotEqualTo(first);
        assertThat(cipher.decrypt(first)).isEqualTo("150372-4711");
        String tampered = first.substring(0, first.length() - 3) + (first.endsWith("A==") ? "B==" : "A==");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }
}
