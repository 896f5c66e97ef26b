package com.nija.shared.engine;

import com.nija.shared.data.ControlItem;

/** Told when someone engages or releases the global kill switch (live pushes hook in here); must never throw. */
public interface KillSwitchListener {
    void killSwitchChanged(ControlItem state);
}
