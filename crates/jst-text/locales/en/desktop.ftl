# desktop
