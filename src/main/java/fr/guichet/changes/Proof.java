package fr.guichet.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The file a request comes with (the {@code .ver} file a migration leaves), kept by the file store. */
@Embeddable
record Proof(
        @Column(name = "proof_name") String name,
        @Column(name = "proof_type") String contentType,
        @Column(name = "proof_size") long size,
        @Column(name = "proof_sha256") String sha256,
        @Column(name = "proof_key") String key) {}
