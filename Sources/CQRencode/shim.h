#include <qrencode.h>

// Exported by libqrencode 4.x (qrencode.c) but left out of qrencode.h: encodes `input` with the
// given data mask (0…7) instead of trying all eight. QRCode encodes once with mask 0 and picks
// the mask itself, by libqrencode's own rules, on packed rows (QRMaskChoice.swift).
extern QRcode *QRcode_encodeMask(QRinput *input, int mask);
