package fr.guichet.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever is uploaded under whatever name, the type given to it is one its bytes establish: the
 * name only refines it (a zip named .docx is Word), never makes it (unknown bytes named .pdf stay
 * unknown). A file that is a page or a script (HTML, SVG, a shell or PHP script) is never said to
 * be a picture or a PDF, however named; a picture always starts as one.
 */
class ContentTypesFuzzTest {

    static final int TRIES = Fuzz.tries(800);

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private static final List<String> NAMES = List.of(
            "photo.png",
            "photo.jpg",
            "rapport.pdf",
            "note.txt",
            "liste.csv",
            "lettre.docx",
            "tableau.xlsx",
            "lettre.odt",
            "archive.zip",
            "page.html",
            "image.svg",
            "script.sh",
            "index.php",
            "programme.exe",
            "sans-extension",
            "double.pdf.exe",
            "double.exe.pdf",
            ".png",
            "x.PNG",
            "x.jpeg;.html",
            "");

    /** Content that runs when a browser or a server opens it. */
    private static final List<String> ACTIVE = List.of(
            "<html><body><script>alert(1)</script></body></html>",
            "<!DOCTYPE html><html><img src=x onerror=alert(1)>",
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "#!/bin/sh\nrm -rf /\n",
            "<?php system($_GET['c']); ?>",
            "<script>alert(1)</script>",
            "<HTML><HEAD><META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert(1)\"></HEAD></HTML>",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></html>");

    static final List<byte[]> SAMPLES = new ArrayList<>();
    private static Path file;
    private static final ContentTypes contentTypes = new ContentTypes();

    @BeforeAll
    static void someRealFiles() throws IOException {
        SAMPLES.add(TestFiles.pdf("Bonjour"));
        SAMPLES.add(TestFiles.png());
        SAMPLES.add(TestFiles.windowsExecutable());
        SAMPLES.add(zip("word/document.xml", "<w:document/>"));
        SAMPLES.add(zip("mimetype", "application/vnd.oasis.opendocument.text"));
        SAMPLES.add("nom;prenom\nDupont;Anne\n".getBytes(StandardCharsets.UTF_8));
        SAMPLES.add("Un texte simple, accentué.\n".getBytes(StandardCharsets.UTF_8));
        SAMPLES.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        ACTIVE.forEach(a -> SAMPLES.add(a.getBytes(StandardCharsets.UTF_8)));
        file = Files.createTempFile("fuzz-upload-", ".part");
    }

    @AfterAll
    static void removeTheFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** {@code active}: a script or a page, its start intact. */
    record Upload(byte[] bytes, String name, boolean active) {}

    @Test
    void theTypeOfAnUploadIsOneItsBytesEstablish() {
        Fuzz.check("upload types", TRIES, ContentTypesFuzzTest::upload, Upload::bytes, upload -> {
            Files.write(file, upload.bytes());
            var named = MediaType.parse(contentTypes.detect(file, upload.name()));
            var byBytes = MediaType.parse(contentTypes.detect(file, null));
            assertThat(named.equals(byBytes) || TYPES.getMediaTypeRegistry().isSpecializationOf(named, byBytes))
                    .as("%s named %s, %s by its bytes", named, upload.name(), byBytes)
                    .isTrue();
            var type = named.toString();
            if (upload.active()) {
                // SVG is an image that runs scripts: said as such, and no upload list allows it
                assertThat(type).isNotIn("image/png", "image/jpeg", "image/gif", "application/pdf");
            }
            if (type.equals("image/png")) {
                assertThat(upload.bytes()).startsWith(0x89, 'P', 'N', 'G');
            }
            if (type.equals("image/jpeg")) {
                assertThat(upload.bytes()).startsWith(0xFF, 0xD8);
            }
            if (upload.active() && type.equals("text/plain")) {
                // Tika knows a page by its first bytes only: after white space, a byte order
                // mark or a comment, or a bare script element, it is text. Harmless as files are
                // served (attachments, nosniff: FileResponses); counted (docs/reliability.md)
                return "text/plain (a script or page)";
            }
            return type.startsWith("text/") || type.startsWith("image/") ? type : type.replaceAll("/.*", "/*");
        });
    }

    /** A real file, damaged or not, or an active one disguised by an image's or a PDF's name. */
    private static Upload upload(SplittableRandom random) {
        var name = Mutations.pick(NAMES, random);
        if (random.nextInt(3) == 0) {
            var active = Mutations.pick(ACTIVE, random);
            // leading spaces, a byte order mark, a comment: what browsers skip before sniffing
            var prefix = Mutations.pick(List.of("", "", " \n", "\uFEFF", "<!-- x -->", "\t"), random);
            var text = random.nextInt(3) == 0
                    ? Mutations.text(prefix + active, List.of("<", ">", "script", "svg", "html", "\u0000"), random)
                    : prefix + active;
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            // a script still counts as one only if its start is intact: a damaged start may be mere text
            var intact = text.startsWith(prefix + active.substring(0, 5));
            return new Upload(bytes, name, intact);
        }
        var sample = Mutations.pick(SAMPLES, random);
        return new Upload(random.nextInt(4) == 0 ? sample : Mutations.bytes(sample, random), name, false);
    }

    private static byte[] zip(String entry, String content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
