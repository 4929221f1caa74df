package dk.supportflow.minsupport.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detection by content and the names files are kept under: no Spring, no database. */
class FileTypeTest {

    @Test
    void realFilesAreRecognisedByTheirContent() {
        assertThat(FileType.detect(SampleFiles.png())).isEqualTo(new FileType.Accepted(FileType.PNG));
        assertThat(FileType.detect(SampleFiles.pdf())).isEqualTo(new FileType.Accepted(FileType.PDF));
        assertThat(FileType.detect(SampleFiles.docx())).isEqualTo(new FileType.Accepted(FileType.DOCX));
        assertThat(FileType.detect(SampleFiles.jpeg())).isEqualTo(new FileType.Accepted(FileType.JPEG));
        // an Exif JPEG, as phones and some screenshot tools write it: the marker after FF D8 does not matter
        assertThat(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0x10}))
                .isEqualTo(new FileType.Accepted(FileType.JPEG));
    }

    @Test
    void everythingElseIsUnknown() {
        assertThat(FileType.detect(new byte[0])).isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect(SampleFiles.exe())).isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect(SampleFiles.xlsx())).isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect(SampleFiles.zip(Map.of("word/document.xml", "<w/>")))).as("no [Content_Types].xml")
                .isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileType.Unknown.class);
        // GIF screenshots: not what MinSupport takes; and a JPEG start without its marker
        assertThat(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect("GIF89a...".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(FileType.Unknown.class);
        // "%PDF" somewhere later, or a PNG signature cut short
        assertThat(FileType.detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(FileType.Unknown.class);
        assertThat(FileType.detect(Arrays.copyOf(SampleFiles.png(), 7))).isInstanceOf(FileType.Unknown.class);
        // a ZIP header with nothing behind it
        assertThat(FileType.detect(Arrays.copyOf(SampleFiles.docx(), 30))).isInstanceOf(FileType.Unknown.class);
    }

    @Test
    void wordWithMacrosIsRecognisedAsSuch() {
        assertThat(FileType.detect(SampleFiles.docm())).isInstanceOf(FileType.WordWithMacros.class);
    }

    @Test
    void typesByExtensionAndMediaType() {
        assertThat(FileType.ofExtension("PDF")).contains(FileType.PDF);
        assertThat(FileType.ofExtension("exe")).isEmpty();
        assertThat(FileType.ofExtension("jpg")).contains(FileType.JPEG);
        assertThat(FileType.ofExtension("JPEG")).contains(FileType.JPEG);
        assertThat(FileType.JPEG.extension()).isEqualTo("jpg");
        assertThat(FileType.ofMediaType("image/jpeg")).contains(FileType.JPEG);
        assertThat(FileType.ofMediaType("image/jpg")).as("what some browsers declare").contains(FileType.JPEG);
        assertThat(FileType.ofMediaType("image/PNG; charset=x")).contains(FileType.PNG);
        assertThat(FileType.ofMediaType("application/msword")).isEmpty();
    }

    @Test
    void namesLoseTheirPathControlCharactersAndCprNumbers() {
        assertThat(FileNames.sanitise("C:\\Users\\sofie\\Skrivebord\\skærmbillede.png")).isEqualTo("skærmbillede.png");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("...skjult.pdf")).isEqualTo("skjult.pdf");
        assertThat(FileNames.sanitise("fejl\u0000<1>:\"|?*\u202e.pdf")).isEqualTo("fejl1.pdf");
        assertThat(FileNames.sanitise("  borger   150372-4711 .png")).isEqualTo("borger 150372-xxxx .png");
        assertThat(FileNames.sanitise("1503724711.pdf")).isEqualTo("150372-xxxx.pdf");
        assertThat(FileNames.sanitise(null)).isEqualTo("bilag");
        assertThat(FileNames.sanitise("/")).isEqualTo("bilag");
        String longName = FileNames.sanitise("a".repeat(300) + ".docx");
        assertThat(longName).hasSize(FileNames.MAX_LENGTH).endsWith("a.docx");
    }

    @Test
    void extensionsAreShortRunsOfLetters() {
        assertThat(FileNames.extension("fejl.PDF")).contains("PDF");
        assertThat(FileNames.extension("Skærmbillede 12.03.2026")).isEmpty();
        assertThat(FileNames.extension(".pdf")).isEmpty();
        assertThat(FileNames.extension("fejl.")).isEmpty();
        assertThat(FileNames.withExtension("Skærmbillede 12.03.2026", FileType.PNG)).isEqualTo("Skærmbillede 12.03.2026.png");
        assertThat(FileNames.withExtension("fejl.pdf", FileType.PDF)).isEqualTo("fejl.pdf");
        assertThat(FileNames.withExtension("Skærmbillede", FileType.JPEG)).isEqualTo("Skærmbillede.jpg");
    }

    @Test
    void thePdfFormKeepsTheNameWithAPdfExtension() {
        assertThat(FileNames.asPdf("skærmbillede.png")).isEqualTo("skærmbillede.pdf");
        assertThat(FileNames.asPdf("Skærmbillede 12.03.2026.jpeg")).isEqualTo("Skærmbillede 12.03.2026.pdf");
        assertThat(FileNames.asPdf("fejl.PDF")).isEqualTo("fejl.pdf");
        assertThat(FileNames.asPdf("Skærmbillede 12.03.2026")).isEqualTo("Skærmbillede 12.03.2026.pdf");
    }

    @Test
    void onlyWordDocumentsAreNotOfferedAsPdf() {
        assertThat(FileType.values()).filteredOn(FileType::offeredAsPdf).containsExactly(FileType.PDF, FileType.PNG, FileType.JPEG);
        assertThat(FileType.values()).filteredOn(FileType::isImage).containsExactly(FileType.PNG, FileType.JPEG);
    }

    @Test
    void sizesInDanish() {
        assertThat(AttachmentLimits.human(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(AttachmentLimits.human(2_621_440)).isEqualTo("2,5 MB");
        assertThat(AttachmentLimits.human(512 * 1024)).isEqualTo("512 kB");
        assertThat(AttachmentLimits.human(300)).isEqualTo("300 bytes");
    }
}
