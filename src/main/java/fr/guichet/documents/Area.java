package fr.guichet.documents;

/**
 * A part of a document space with its own audience. Writers see every area; readers
 * only those open to them.
 */
public enum Area {

    /** Documents shared with the agency's partners: for now kept to the agency's staff. */
    PARTNERS(false),
    ESTABLISHMENTS(true),
    SOLUTION(true);

    private final boolean openToReaders;

    Area(boolean openToReaders) {
        this.openToReaders = openToReaders;
    }

    public boolean openToReaders() {
        return openToReaders;
    }

    /** The key of its label, e.g. {@code documents.area.PARTNERS}. */
    public String messageKey() {
        return "documents.area." + name();
    }
}
