/** The user's preferences (language, theme, classroom text size, lesson), kept in the workspace folder. */
package org.layerlab.app.settings;
