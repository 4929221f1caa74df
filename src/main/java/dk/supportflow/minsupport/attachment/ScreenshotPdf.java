package dk.supportflow.minsupport.attachment;

import dk.supportflow.domain.Refused;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A screenshot (PNG or JPEG) as a one-page PDF: MinSupport takes screenshots as PDF or in a Word
 * document. The page is A4, portrait or landscape as the image fits larger, and the image is
 * scaled down to fit within the margins, never up beyond a screen's size (96 pixels per inch), so
 * that it prints and reads as on the screen. A JPEG is embedded as it is (no second loss); a PNG
 * is decoded and stored lossless.
 * <p>
 * The size is read from the image's header before anything is decoded, and an image of more than
 * {@value #MAX_PIXELS} pixels is refused: a small file may unpack to gigabytes (a decompression
 * bomb). Conversions share a budget of that many pixels, so that several at once cannot hold more
 * decoded images in memory than one of the largest.
 */
@Component
public class ScreenshotPdf {

    static final long MAX_PIXELS = 50_000_000L;
    /** Half an inch: inside the edge any printer leaves blank. */
    static final float MARGIN = 36f;
    /** PDF points (1/72 inch) per pixel of a screen at 96 pixels per inch. */
    static final float POINTS_PER_PIXEL = 72f / 96f;
    static final int PIXELS_PER_PERMIT = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotPdf.class);

    static {
        // ImageIO would otherwise buffer streams in temporary files, and a screenshot may show a
        // citizen's data, which is kept encrypted at rest; the content is in memory anyway
        ImageIO.setUseCache(false);
    }

    private final Semaphore pixelBudget;
    private final Duration maxWait;

    public ScreenshotPdf() {
        this(new Semaphore((int) (MAX_PIXELS / PIXELS_PER_PERMIT), true), Duration.ofSeconds(30));
    }

    ScreenshotPdf(Semaphore pixelBudget, Duration maxWait) {
        this.pixelBudget = pixelBudget;
        this.maxWait = maxWait;
    }

    /** An image's size in pixels. */
    public record Size(int width, int height) {

        long pixels() {
            return (long) width * height;
        }
    }

    /**
     * The image's size, from its header only; refused with 422 when it is too large to convert or
     * cannot be read.
     */
    public Size checkSize(FileType type, byte[] image) {
        if (!type.isImage()) {
            throw new IllegalArgumentException(type + " is not an image");
        }
        Size size;
        try {
            size = readSize(type, image);
        } catch (IOException | RuntimeException e) {
            throw unreadable(type, e);
        }
        if (size.pixels() > MAX_PIXELS) {
            NumberFormat danish = NumberFormat.getIntegerInstance(Locale.forLanguageTag("da"));
            throw new Refused(Refused.Why.UNUSABLE, "Skærmbilledet er for stort til at blive lavet om til PDF ("
                    + danish.format(size.width()) + " × " + danish.format(size.height()) + " pixels). Et billede må højst have "
                    + MAX_PIXELS / 1_000_000 + " megapixels. Gem skærmbilledet i en mindre opløsning, eller del det op.");
        }
        return size;
    }

    /** The image on one A4 page, the PDF titled with the attachment's name. */
    public byte[] toPdf(FileType type, byte[] image, String title) {
        Size size = checkSize(type, image);
        int permits = (int) Math.max(1, (size.pixels() + PIXELS_PER_PERMIT - 1) / PIXELS_PER_PERMIT);
        acquire(permits);
        try {
            return render(type, image, size, title);
        } catch (IOException | RuntimeException e) {
            throw unreadable(type, e);
        } finally {
            pixelBudget.release(permits);
        }
    }

    private void acquire(int permits) {
        boolean acquired;
        try {
            acquired = pixelBudget.tryAcquire(permits, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Refused(Refused.Why.UNAVAILABLE,
                    "Der laves mange skærmbilleder om til PDF lige nu. Prøv igen om lidt.");
        }
    }

    private static byte[] render(FileType type, byte[] image, Size size, String title) throws IOException {
        // in memory only, like the image: no temporary files with a citizen's data
        try (PDDocument pdf = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDImageXObject picture = type == FileType.JPEG ? JPEGFactory.createFromByteArray(pdf, image)
                    : LosslessFactory.createFromImage(pdf, decode(type, image));
            PDRectangle portrait = PDRectangle.A4;
            PDRectangle landscape = new PDRectangle(portrait.getHeight(), portrait.getWidth());
            PDRectangle format = scale(landscape, size) > scale(portrait, size) ? landscape : portrait;
            float scale = scale(format, size);
            float width = size.width() * scale;
            float height = size.height() * scale;
            PDPage page = new PDPage(format);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                // centred, from the top margin down, as a page is read
                content.drawImage(picture, (format.getWidth() - width) / 2, format.getHeight() - MARGIN - height, width, height);
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Supportflow");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** Points per pixel that fit the image within the page's margins, at most a screen's size. */
    static float scale(PDRectangle page, Size size) {
        float fitWidth = (page.getWidth() - 2 * MARGIN) / size.width();
        float fitHeight = (page.getHeight() - 2 * MARGIN) / size.height();
        return Math.min(POINTS_PER_PIXEL, Math.min(fitWidth, fitHeight));
    }

    private static Size readSize(FileType type, byte[] image) throws IOException {
        ImageReader reader = readerOf(type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in, true, true);
            return new Size(reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    /** Called after {@link #checkSize}: the size is known to be within the limit. */
    private static BufferedImage decode(FileType type, byte[] image) throws IOException {
        ImageReader reader = readerOf(type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            // without metadata: text chunks can be compressed bombs of their own
            reader.setInput(in, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerOf(FileType type) {
        String format = switch (type) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            default -> throw new IllegalArgumentException(type + " is not an image");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static Refused unreadable(FileType type, Exception e) {
        // never the content or the name: the kind of failure is enough to follow up
        LOG.warn("A {} attachment could not be read as an image: {}", type, e.toString());
        return new Refused(Refused.Why.UNUSABLE, "Billedet kan ikke læses som " + type.danishName()
                + " og kan derfor ikke laves om til PDF. Gem skærmbilledet igen, og vedhæft det på ny.");
    }
}
