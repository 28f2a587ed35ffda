import ThiDuaCore
