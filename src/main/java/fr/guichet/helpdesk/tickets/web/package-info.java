/** The ticket pages: filing, reading and acting on a ticket, filing for a site, bookmarks. */
@NullMarked
package fr.guichet.helpdesk.tickets.web;

import org.jspecify.annotations.NullMarked;
