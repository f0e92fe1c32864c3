package fr.guichet.documents;

import fr.guichet.shared.TypedId;

public record DocumentId(long value) implements TypedId {}
