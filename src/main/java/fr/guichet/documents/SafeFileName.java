package fr.guichet.documents;

/** A file name safe to store and send back, for the modules that keep files of their own. */
public final class SafeFileName {

    private SafeFileName() {}

    /** See {@link DocumentNames#fileName}: the same rule as the documents' own files. */
    public static String of(String original) {
        return DocumentNames.fileName(original);
    }
}
