package fr.guichet.documents;

import fr.guichet.shared.CleanText;
import java.util.regex.Pattern;

/** The bounds of what people type about a document, and a file name safe to send back. */
final class DocumentNames {

    static final int MAX_TITLE = 200;
    static final int MAX_FOLDER = 200;
    static final int MAX_FILE_NAME = 200;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Path separators, quotes and what Windows forbids: a name must not become a path or break a header. */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|;]");

    private DocumentNames() {}

    static String title(String title) {
        var value = title == null ? "" : title.strip();
        if (value.isEmpty()) {
            throw new DocumentRefusal("documents.title.required");
        }
        return bounded(value, MAX_TITLE, "documents.title.too-long");
    }

    /** A folder is a name inside its family; none (empty) puts the file at the family's top. */
    static String folder(String folder) {
        return bounded(folder == null ? "" : folder.strip(), MAX_FOLDER, "documents.folder.too-long");
    }

    private static String bounded(String value, int max, String tooLong) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new DocumentRefusal(tooLong, max);
        }
        if (CONTROL.matcher(value).find()) {
            throw new DocumentRefusal("documents.text.control-characters");
        }
        return value;
    }

    /**
     * The last part of what the browser sent (some send a whole path), without characters that
     * would break a Content-Disposition header or a file system, nor invisible ones that would make
     * "gpj.exe" look like "exe.jpg", cut to a reasonable length with its extension kept. Made twice,
     * it is the same name.
     */
    static String fileName(String original) {
        var name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = CleanText.line(name);
        name = UNSAFE.matcher(name).replaceAll("_").strip();
        // a leading dot would make it a hidden file once saved
        name = name.replaceFirst("^\\.+", "").strip();
        if (name.isEmpty()) {
            return "document";
        }
        if (name.codePointCount(0, name.length()) <= MAX_FILE_NAME) {
            return name;
        }
        var dot = name.lastIndexOf('.');
        var extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        var base = name.substring(0, name.length() - extension.length());
        return base.substring(0, base.offsetByCodePoints(0, MAX_FILE_NAME - extension.length())) + extension;
    }
}
