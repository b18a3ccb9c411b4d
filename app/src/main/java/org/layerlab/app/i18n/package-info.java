/** The user interface's texts, read from {@code org/layerlab/app/messages.properties} so that translations can be added beside it. */
package org.layerlab.app.i18n;
