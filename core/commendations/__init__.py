"""Commendation files and certificates (hồ sơ khen thưởng, giấy khen / bằng khen). Not built yet."""
