package dk.supportflow.minsupport.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real, small files of each kind, and the impostors a user may send by mistake. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A real PNG image (a screenshot of 40×20 pixels). */
    public static byte[] png() {
        return image(40, 20, "png");
    }

    /** A real JPEG image (a screenshot of 40×20 pixels, as some tools save them). */
    public static byte[] jpeg() {
        return image(40, 20, "jpeg");
    }

    /** An RGB image of this size in this ImageIO format, with one red pixel. */
    public static byte[] image(int width, int height, String format) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 4, 0xFF0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** A minimal Word document: the parts Word itself writes first. */
    public static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
    }

    /** A Word document with macros (what Word saves as .docm). */
    public static byte[] docm() {
        return zip(Map.of(
                "[Content_Types].xml", "<Types/>",
                "word/document.xml", "<w:document/>",
                "word/vbaProject.bin", "macro"));
    }

    /** An Excel workbook: an Office ZIP, but not a Word document. */
    public static byte[] xlsx() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));
    }

    /** The start of a Windows program. */
    public static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        return exe;
    }

    public static byte[] zip(Map<String, String> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
