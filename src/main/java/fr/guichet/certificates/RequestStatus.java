package fr.guichet.certificates;

/**
 * Where a request for the organisation's certificate and its supports stands: asked for, being prepared
 * by the agency, certificate installed (it is in the organisation's list), supports shipped; or cancelled.
 * The moves between them are {@link RequestLifecycle}'s.
 */
public enum RequestStatus {
    REQUESTED,
    IN_PROGRESS,
    INSTALLED,
    SHIPPED,
    CANCELLED;

    /** Still counts as "a request exists" for the rules of the tree. */
    boolean live() {
        return this != CANCELLED;
    }

    /** Not finished: the agency's queue shows it by default, and the organisation cannot be deleted. */
    boolean open() {
        return this == REQUESTED || this == IN_PROGRESS;
    }
}
