package fr.guichet.shared;

/**
 * Something the person asked for does not exist or is outside what he may see: both answer 404,
 * so that the existence of another organisation's data does not leak.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found");
    }
}
