/**
 * An organisation's own look ("Gestion graphique"): its banner, logo and colour scheme, and its
 * public home page for suppliers (a welcome text and a few links), drafted, previewed, then
 * published by those holding the supervision right MANAGE_BRANDING there. A sub-organisation
 * without its own shows its nearest ancestor's. Publishing and resetting are told as events
 * ({@link BrandingPublished}, {@link BrandingReset}) for the audit.
 */
@ApplicationModule(
        displayName = "Branding",
        allowedDependencies = {"account", "administration::delegation", "organization", "documents", "shared"})
@NullMarked
package fr.guichet.branding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
