/** Controls shared by the pages of the app. */
package org.layerlab.app.ui;
