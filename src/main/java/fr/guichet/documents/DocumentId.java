package fr.guichet.documents;

public record DocumentId(long value) {
}
