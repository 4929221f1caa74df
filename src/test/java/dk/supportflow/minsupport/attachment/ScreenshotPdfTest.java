package dk.supportflow.minsupport.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.supportflow.domain.Refused;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** PNG and JPEG screenshots as PDF, read back with PDFBox: no Spring, no database. */
class ScreenshotPdfTest {

    final ScreenshotPdf converter = new ScreenshotPdf();

    @Test
    void aPngBecomesOnePortraitA4PageWithTheImageLossless() throws IOException {
        byte[] pdf = converter.toPdf(FileType.PNG, SampleFiles.png(), "skaermbillede.png");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            PDImageXObject image = onlyImage(page);
            assertThat(image.getWidth()).isEqualTo(40);
            assertThat(image.getHeight()).isEqualTo(20);
            assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.FLATE_DECODE);
            // lossless: the red pixel is exactly where and what it was
            BufferedImage back = image.getImage();
            assertThat(back.getRGB(3, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
            assertThat(back.getRGB(4, 4) & 0xFFFFFF).isZero();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("skaermbillede.png");
        }
    }

    @Test
    void aJpegIsEmbeddedAsItIs() throws IOException {
        byte[] jpeg = SampleFiles.jpeg();

        byte[] pdf = converter.toPdf(FileType.JPEG, jpeg, "skaermbillede.jpg");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDImageXObject image = onlyImage(document.getPage(0));
            assertThat(image.getWidth()).isEqualTo(40);
            assertThat(image.getHeight()).isEqualTo(20);
            assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
            try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                assertThat(raw.readAllBytes()).as("no second compression").isEqualTo(jpeg);
            }
        }
    }

    @Test
    void aSmallScreenshotKeepsItsScreenSizeCentredBelowTheTopMargin() throws IOException {
        // 400 × 200 pixels at 96 per inch: 300 × 150 points
        byte[] pdf = converter.toPdf(FileType.PNG, SampleFiles.image(400, 200, "png"), "dialog.png");

        Rectangle drawn = drawnArea(pdf);

        float pageWidth = PDRectangle.A4.getWidth();
        assertThat((double) drawn.x).isCloseTo((pageWidth - 300) / 2, within(1.0));
        assertThat((double) drawn.y).isCloseTo(ScreenshotPdf.MARGIN, within(1.0));
        assertThat((double) drawn.width).isCloseTo(300, within(1.5));
        assertThat((double) drawn.height).isCloseTo(150, within(1.5));
    }

    @Test
    void aWideScreenshotGetsALandscapePageAndIsScaledToTheMargins() throws IOException {
        byte[] pdf = converter.toPdf(FileType.JPEG, SampleFiles.image(2560, 1440, "jpeg"), "to-skaerme.jpg");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getWidth());
        }
        Rectangle drawn = drawnArea(pdf);
        float landscapeWidth = PDRectangle.A4.getHeight();
        assertThat((double) drawn.x).isCloseTo(ScreenshotPdf.MARGIN, within(1.0));
        assertThat((double) drawn.width).isCloseTo(landscapeWidth - 2 * ScreenshotPdf.MARGIN, within(1.5));
        assertThat((double) drawn.height).as("the aspect ratio kept")
                .isCloseTo((landscapeWidth - 2 * ScreenshotPdf.MARGIN) * 1440 / 2560, within(1.5));
    }

    @Test
    void aTallScreenshotStaysPortraitAndFitsTheHeight() {
        ScreenshotPdf.Size tall = new ScreenshotPdf.Size(1080, 4000);
        PDRectangle portrait = PDRectangle.A4;
        PDRectangle landscape = new PDRectangle(portrait.getHeight(), portrait.getWidth());
        assertThat(ScreenshotPdf.scale(portrait, tall)).isGreaterThan(ScreenshotPdf.scale(landscape, tall));
        assertThat(4000 * ScreenshotPdf.scale(portrait, tall)).isCloseTo(portrait.getHeight() - 2 * ScreenshotPdf.MARGIN,
                within(0.01f));
    }

    @Test
    void tooManyPixelsAreRefusedFromTheHeaderBeforeAnythingIsDecoded() {
        // 100,000 × 100,000 pixels would be 40 GB decoded; the file has no image data at all
        byte[] bomb = SampleFiles.pngClaiming(100_000, 100_000);

        assertThatThrownBy(() -> converter.toPdf(FileType.PNG, bomb, "bombe.png"))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.why()).isEqualTo(Refused.Why.UNUSABLE);
                    assertThat(e.getMessage()).isEqualTo("Skærmbilledet er for stort til at blive lavet om til PDF "
                            + "(100.000 × 100.000 pixels). Et billede må højst have 50 megapixels. "
                            + "Gem skærmbilledet i en mindre opløsning, eller del det op.");
                });
        assertThatThrownBy(() -> converter.toPdf(FileType.JPEG, SampleFiles.jpegClaiming(65_000, 65_000), "bombe.jpg"))
                .isInstanceOf(Refused.class).hasMessageStartingWith("Skærmbilledet er for stort")
                .hasMessageContaining("(65.000 × 65.000 pixels)");
    }

    @Test
    void theLimitIsFiftyMegapixels() {
        assertThat(converter.checkSize(FileType.PNG, SampleFiles.pngClaiming(10_000, 5_000)))
                .isEqualTo(new ScreenshotPdf.Size(10_000, 5_000));
        assertThatThrownBy(() -> converter.checkSize(FileType.PNG, SampleFiles.pngClaiming(10_000, 5_001)))
                .isInstanceOf(Refused.class).hasMessageStartingWith("Skærmbilledet er for stort");
    }

    @Test
    void anImageThatCannotBeReadIsRefusedInDanish() {
        byte[] png = SampleFiles.png();
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> converter.toPdf(FileType.PNG, cut, "halv.png"))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.why()).isEqualTo(Refused.Why.UNUSABLE);
                    assertThat(e.getMessage()).isEqualTo("Billedet kan ikke læses som PNG og kan derfor ikke laves om til PDF. "
                            + "Gem skærmbilledet igen, og vedhæft det på ny.");
                });
        byte[] onlyStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        assertThatThrownBy(() -> converter.checkSize(FileType.JPEG, onlyStart))
                .isInstanceOf(Refused.class).hasMessageStartingWith("Billedet kan ikke læses som JPEG");
    }

    @Test
    void whenOtherConversionsHoldThePixelBudgetTheCallerIsAskedToTryAgain() {
        Semaphore budget = new Semaphore(0);
        ScreenshotPdf busy = new ScreenshotPdf(budget, Duration.ofMillis(10));

        assertThatThrownBy(() -> busy.toPdf(FileType.PNG, SampleFiles.png(), "x.png"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.why()).isEqualTo(Refused.Why.UNAVAILABLE))
                .hasMessage("Der laves mange skærmbilleder om til PDF lige nu. Prøv igen om lidt.");

        budget.release(1);
        assertThat(busy.toPdf(FileType.PNG, SampleFiles.png(), "x.png")).startsWith("%PDF-".getBytes());
        assertThat(budget.availablePermits()).as("given back").isEqualTo(1);
    }

    @Test
    void onlyImagesAreConverted() {
        assertThatIllegalArgumentException().isThrownBy(() -> converter.toPdf(FileType.DOCX, SampleFiles.docx(), "x.docx"));
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    /** Where the (dark) image lands on the page, in points from the top left, rendered at 72 dpi. */
    private static Rectangle drawnArea(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFF) < 128) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            assertThat(maxX).as("something drawn").isNotNegative();
            return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }
    }
}
