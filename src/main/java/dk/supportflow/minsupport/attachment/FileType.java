package dk.supportflow.minsupport.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The file types MinSupport takes as attachments: a screenshot as PDF or in a Word document, or
 * as PNG or JPEG, which Supportflow offers as PDF (ScreenshotPdf). The type is judged by the
 * content (its magic bytes), never by the name or the Content-Type a client declares.
 */
public enum FileType {

    PDF("application/pdf", "PDF", List.of("pdf")),
    PNG("image/png", "PNG", List.of("png")),
    // browsers and tools also declare image/jpg, and old ones image/pjpeg
    JPEG("image/jpeg", "JPEG", List.of("jpg", "jpeg"), "image/jpg", "image/pjpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)", List.of("docx"));

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Start of image and the first marker's 0xFF, whatever marker follows (JFIF, Exif, a table). */
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** A DOCX has far fewer parts; more is not a Word document we want to open. */
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final String mediaType;
    private final List<String> otherMediaTypes;
    private final List<String> extensions;
    private final String danishName;

    FileType(String mediaType, String danishName, List<String> extensions, String... otherMediaTypes) {
        this.mediaType = mediaType;
        this.otherMediaTypes = List.of(otherMediaTypes);
        this.extensions = extensions;
        this.danishName = danishName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a name without one gets ("jpg" for JPEG). */
    public String extension() {
        return extensions.get(0);
    }

    public String danishName() {
        return danishName;
    }

    /** A screenshot as an image (PNG or JPEG), which MinSupport takes only as PDF or in a Word document. */
    public boolean isImage() {
        return this == PNG || this == JPEG;
    }

    /** Whether the attachment can be had as PDF: a PDF as it is, an image converted; a Word document is sent as it is. */
    public boolean offeredAsPdf() {
        return this == PDF || isImage();
    }

    /** The type whose file name extension this is (case-insensitive; "jpg" and "jpeg" are both JPEG), if any. */
    public static Optional<FileType> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(lower)).findFirst();
    }

    /** The type whose media type this is (parameters and case ignored), if any. */
    public static Optional<FileType> ofMediaType(String mediaType) {
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare) || t.otherMediaTypes.contains(bare)).findFirst();
    }

    /** What the content is. */
    public sealed interface Detected {
    }

    public record Accepted(FileType type) implements Detected {
    }

    /** A Word document with macros (word/vbaProject.bin): refused, whatever it is called. */
    public record WordWithMacros() implements Detected {
    }

    public record Unknown() implements Detected {
    }

    /**
     * Judges the content: PDF by {@code %PDF-}, PNG by its 8-byte signature, JPEG by {@code FF D8 FF}
     * (start of image and a marker), DOCX as a ZIP archive
     * with {@code [Content_Types].xml} and a {@code word/} part. The archive is read through its
     * central directory only: nothing is unpacked.
     */
    public static Detected detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return new Accepted(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return new Accepted(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return new Accepted(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return inspectZip(content);
        }
        return new Unknown();
    }

    private static Detected inspectZip(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("supportflow-attachment-", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                boolean contentTypes = false;
                boolean word = false;
                boolean macros = false;
                int count = 0;
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    if (++count > MAX_ZIP_ENTRIES) {
                        return new Unknown();
                    }
                    String name = entries.nextElement().getName();
                    contentTypes |= name.equals("[Content_Types].xml");
                    word |= name.startsWith("word/");
                    macros |= name.equalsIgnoreCase("word/vbaProject.bin");
                }
                if (contentTypes && word) {
                    return macros ? new WordWithMacros() : new Accepted(DOCX);
                }
                return new Unknown();
            }
        } catch (ZipException e) {
            return new Unknown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of the system's temp directory; nothing more to do
                }
            }
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
