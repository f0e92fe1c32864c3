package fr.guichet.releases;

/** What a release brings: a patch ("patch") to a version, or a version of its own. */
public enum ReleaseKind {
    PATCH,
    VERSION
}
