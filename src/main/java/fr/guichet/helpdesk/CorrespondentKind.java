package fr.guichet.helpdesk;

/** An establishment's correspondent for a product is functional or technical (usually two of each). */
public enum CorrespondentKind {
    FUNCTIONAL,
    TECHNICAL
}
