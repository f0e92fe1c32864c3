package fr.guichet.changes;

/**
 * What a change request changes; each kind is one whole chapter of the establishment's data, validated
 * whole or not at all ("une modification complète = une validation complète").
 */
public enum ChangeKind {
    /** The version of a product the establishment runs, which its level-2 tickets carry. */
    INSTALLED_VERSION
}
