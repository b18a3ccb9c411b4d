/**
 * Learning-rate schedules ({@link org.layerlab.charts.schedule.Schedules}) and a preview of one over a run's planned steps
 * ({@link org.layerlab.charts.schedule.ScheduleChart}).
 */
package org.layerlab.charts.schedule;
