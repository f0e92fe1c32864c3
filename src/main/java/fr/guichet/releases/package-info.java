/**
 * A product's releases and shared spaces (seed 001's downloads and per-product collaborative
 * spaces): the product's document spaces, read by its correspondents of every establishment and
 * written by the agency's staff ({@link ProductDocumentAudience}); its releases ("livraisons": a
 * patch or a version, with notes and files, tied to one of the product's versions), published once
 * to every establishment; and each establishment's generic project address for the product, where
 * releases and new documents are sent instead of, or besides, its correspondents. Who is
 * correspondent of what is the helpdesk's ({@code CorrespondentSites}); this module keeps only its
 * own rows.
 */
@ApplicationModule(
        displayName = "Releases",
        allowedDependencies = {
            "helpdesk",
            "account",
            "alerts",
            "organization",
            "documents",
            "documents::audience",
            "news",
            "notification",
            "shared"
        })
@NullMarked
package fr.guichet.releases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
