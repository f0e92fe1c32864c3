package fr.guichet.documents;

/** What a document is about ("familles de documents"). */
public enum Family {
    BUSINESS,
    FUNCTIONAL,
    TECHNICAL,
    TRAINING,
    SUPPORT;

    /** The key of its label, e.g. {@code documents.family.BUSINESS}. */
    public String messageKey() {
        return "documents.family." + name();
    }
}
