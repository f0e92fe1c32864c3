package fr.guichet.changes;

/**
 * What a change request changes; each kind is one whole chapter of the establishment's data, validated
 * whole or not at all ("une modification complète = une validation complète"). All but the
 * establishment's own data are a product's: asked and read by that product's correspondents.
 */
public enum ChangeKind {
    /** The version of a product the establishment runs, which its level-2 tickets carry. */
    INSTALLED_VERSION(true),
    /** How the requester himself is reached as the product's correspondent (contact address, phone). */
    CORRESPONDENT_DATA(true),
    /** The establishment's website, address and phones: asked by a correspondent of any of its products. */
    ESTABLISHMENT_DATA(false),
    /** A newcomer named correspondent (an account, a confirmed member of the establishment). */
    NEW_CORRESPONDENT(true),
    /**
     * A correspondent who leaves. Replacing one is this and a {@link #NEW_CORRESPONDENT}: the leaving
     * person's identity is never edited into the newcomer's.
     */
    LEAVING_CORRESPONDENT(true),
    /** The machines the product runs on, the whole list at once. */
    SERVERS(true);

    private final boolean perProduct;

    ChangeKind(boolean perProduct) {
        this.perProduct = perProduct;
    }

    boolean perProduct() {
        return perProduct;
    }
}
