/** The ticket pages and API: filing, reading and acting on a ticket, filing for a site. */
@NullMarked
package fr.guichet.helpdesk.tickets.web;

import org.jspecify.annotations.NullMarked;
