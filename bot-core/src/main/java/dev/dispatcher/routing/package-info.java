/** Deciding who owns a task: the specialist catalog, text analysis, the weighted router, the seed baseline and the cache. */
package dev.dispatcher.routing;
