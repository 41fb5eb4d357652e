/** The misroute loop: flags, corrections, the router's learned examples, and routing statistics. */
package dev.dispatcher.feedback;
